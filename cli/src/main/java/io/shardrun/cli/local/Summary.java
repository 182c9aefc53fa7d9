package io.shardrun.cli.local;

import io.shardrun.core.Durations;
import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.variant.VariantComparison;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The end-of-run report: a table per shard, the gap between shards, the time to first failure, then the failures. */
public final class Summary {
  private Summary() {}

  /**
   * @param runs every file's run; a shard's duration is the sum of its files' (they run one
   *     after another, each including its browser start)
   */
  public static String render(List<FileRun> runs) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%-6s %6s %7s %7s %8s %7s %9s%n", "SHARD", "FILES", "PASSED", "FAILED", "SKIPPED", "ERRORS", "DURATION"));
    Map<Integer, List<FileRun>> byShard = runs.stream().collect(Collectors.groupingBy(FileRun::shard, TreeMap::new, Collectors.toList()));
    Map<Integer, Long> shardMs = new TreeMap<>();
    byShard.forEach((shard, shardRuns) -> shardMs.put(shard, shardRuns.stream().mapToLong(FileRun::durationMs).sum()));
    byShard.forEach((shard, shardRuns) -> out.append(row(Integer.toString(shard), shardRuns, shardMs.get(shard))));
    long slowest = shardMs.values().stream().mapToLong(Long::longValue).max().orElse(0);
    long fastest = shardMs.values().stream().mapToLong(Long::longValue).min().orElse(0);
    out.append(row("total", runs, slowest));
    if (shardMs.size() > 1) {
      out.append(String.format("slowest shard %s, fastest %s: gap %s%n",
          Durations.format(slowest), Durations.format(fastest), Durations.format(slowest - fastest)));
    }
    firstFailure(runs).ifPresent(out::append);
    List<FileRun> bad = runs.stream().filter(r -> r.status() != Outcome.PASSED).toList();
    if (!bad.isEmpty()) {
      out.append(String.format("%nNot passed:%n"));
      for (FileRun run : bad) {
        out.append(String.format("  %-7s %s (shard %d)%n          %s%n", run.status().label(),
            run.file(), run.shard(), run.message()));
      }
    }
    List<FileRun> differing = runs.stream().filter(r -> VariantComparison.differs(r.status(), r.message())).toList();
    if (!differing.isEmpty()) {
      out.append(String.format("%nVariants that differ (compare report):%n"));
      differing.forEach(run -> out.append(String.format("  %s (shard %d)%n          %s%n", run.file(), run.shard(), run.message())));
    }
    return out.toString();
  }

  /**
   * The time to first failure: from the first file's start to the end of the first file that
   * failed or errored; none when none did, or the start times are unknown.
   */
  private static Optional<String> firstFailure(List<FileRun> runs) {
    long start = runs.stream().mapToLong(FileRun::startedMs).filter(ms -> ms > 0).min().orElse(0);
    return runs.stream().filter(r -> r.status().isBad() && r.startedMs() > 0 && start > 0)
        .min(Comparator.comparingLong(r -> r.startedMs() + r.durationMs()))
        .map(r -> String.format("first failure after %s: %s%n", Durations.format(r.startedMs() + r.durationMs() - start), r.file()));
  }

  private static String row(String shard, List<FileRun> runs, long wallMs) {
    return String.format("%-6s %6d %7d %7d %8d %7d %9s%n", shard, runs.size(), count(runs, Outcome.PASSED),
        count(runs, Outcome.FAILED), count(runs, Outcome.SKIPPED), count(runs, Outcome.ERROR), Durations.format(wallMs));
  }

  private static long count(List<FileRun> runs, Outcome outcome) {
    return runs.stream().filter(r -> r.status() == outcome).count();
  }
}
