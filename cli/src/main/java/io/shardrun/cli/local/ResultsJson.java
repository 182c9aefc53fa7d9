package io.shardrun.cli.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.shardrun.cli.local.LocalReports.RunResults;
import io.shardrun.core.JsonErrors;
import io.shardrun.core.results.FileRun;
import io.shardrun.crd.v1alpha1.Phase;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run folder's {@code results.json}, written and read back. It reads what earlier versions
 * wrote too: a run recorded before its phase, end and flaky files were gets them from its files,
 * the phase as the run decided it from its outcomes, the end as its last file's.
 */
public final class ResultsJson {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ResultsJson() {}

  static String write(RunResults results) {
    try {
      return JSON.writeValueAsString(results);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The results in {@code json}, every field present.
   *
   * @param source named in every error: the file's path
   * @throws IllegalArgumentException naming {@code source} and what is wrong
   */
  public static RunResults read(String json, String source) {
    String place = source + ": not a Shardrun run's results";
    RunResults read = JsonErrors.read(JSON, json, RunResults.class, place);
    require(read.run(), "run", place);
    Instant started = instant(require(read.startedAt(), "startedAt", place), "startedAt", place);
    List<FileRun> files = files(require(read.files(), "files", place), place);
    Phase phase = read.phase() != null ? read.phase() : RunPhase.of(files, true);
    if (!phase.isFinal()) {
      throw new IllegalArgumentException(place + ": phase: expected Succeeded, Failed or Error, found '" + phase + "'");
    }
    String finishedAt = read.finishedAt() != null ? read.finishedAt()
        : started.plusMillis(wallMs(started.toEpochMilli(), files)).toString();
    instant(finishedAt, "finishedAt", place);
    return new RunResults(read.run(), phase, read.startedAt(), finishedAt, read.flaky() == null ? List.of() : read.flaky(), files);
  }

  /** Every file, each with its path and outcome; no tags or steps read as none. */
  private static List<FileRun> files(List<FileRun> files, String place) {
    List<FileRun> checked = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      FileRun f = files.get(i);
      if (f == null || f.file() == null || f.status() == null) {
        throw new IllegalArgumentException(place + ": files[" + i + "]: expected a mapping with 'file' and 'status'");
      }
      checked.add(new FileRun(f.file(), f.name(), f.shard(), f.status(), f.durationMs(), f.attempts(),
          f.tags() == null ? List.of() : f.tags(), f.failedStep(), f.message(), f.steps() == null ? List.of() : f.steps(),
          f.startedMs(), f.events()));
    }
    return checked;
  }

  /**
   * The wall time of a run recorded without its end: its latest shard's end, a shard ending with
   * its last file, or, where no file of it has a start (results older than file start times), after
   * the sum of its files' durations.
   */
  static long wallMs(long runStart, List<FileRun> files) {
    Map<Integer, long[]> byShard = new TreeMap<>(); // {latest end of a file with a start, sum of durations}
    for (FileRun f : files) {
      long[] shard = byShard.computeIfAbsent(f.shard(), s -> new long[] {-1, 0});
      if (f.startedMs() > 0) {
        shard[0] = Math.max(shard[0], f.startedMs() + f.durationMs() - runStart);
      }
      shard[1] += f.durationMs();
    }
    return byShard.values().stream().mapToLong(s -> Math.max(0, s[0] >= 0 ? s[0] : s[1])).max().orElse(0);
  }

  private static <T> T require(T value, String field, String place) {
    if (value == null) {
      throw new IllegalArgumentException(place + ": '" + field + "' is missing");
    }
    return value;
  }

  private static Instant instant(String text, String field, String place) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(place + ": " + field + ": expected an ISO-8601 instant such as"
          + " 2025-06-01T12:00:00.123Z, found '" + text + "'");
    }
  }
}
