package io.shardrun.core.report;

import io.shardrun.core.results.Event;
import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.RunRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.Set;

/**
 * What a report shows of one run, local or from the cluster.
 *
 * @param run the run's name: the run folder's name locally, the TestRun's name in a cluster
 * @param phase {@code Succeeded}, {@code Failed} or {@code Error}
 * @param startedAt the ISO-8601 instant the run started
 * @param durationMs the run's wall time
 * @param files every selected file, in any order
 * @param flaky the files the suite's history shows as flaky; may name files this run did not select
 * @param events the cross-shard events its files published, in the order published
 */
public record RunReport(
    String run,
    String phase,
    String startedAt,
    long durationMs,
    List<ReportFile> files,
    Set<String> flaky,
    List<Event> events) {

  /**
   * The report of a run whose files are known as a local run knows them.
   *
   * @param startedAt the ISO-8601 instant the run started: file start times are placed from it
   * @param screenshot each file's screenshot link (see {@link ReportFile#screenshot()}); null if none
   */
  public static RunReport of(String run, String phase, String startedAt, long durationMs, List<FileRun> files, Set<String> flaky,
      Function<FileRun, String> screenshot) {
    long runStart = Instant.parse(startedAt).toEpochMilli();
    List<ReportFile> shown = files.stream().map(f -> new ReportFile(f.file(), f.shard(), f.status(),
        f.startedMs() > 0 ? Math.max(0, f.startedMs() - runStart) : null, f.durationMs(), Math.max(1, f.attempts()), f.tags(),
        f.failedStep(), f.message(), screenshot.apply(f))).toList();
    List<Event> events = files.stream().flatMap(f -> f.events().stream()).sorted(Comparator.comparingLong(Event::publishedMs)).toList();
    return new RunReport(run, phase, startedAt, durationMs, shown, flaky, events);
  }

  /** The report of a cluster run, from the results its operator kept. */
  public static RunReport of(RunRecord record) {
    String started = record.startedAt() != null ? record.startedAt() : record.finishedAt();
    long durationMs = Duration.between(Instant.parse(started), Instant.parse(record.finishedAt())).toMillis();
    return of(record.run(), record.phase(), started, durationMs, record.fileRuns(), Set.copyOf(record.flaky()), f -> null);
  }
}
