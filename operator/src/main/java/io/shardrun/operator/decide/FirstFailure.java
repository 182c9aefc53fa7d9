package io.shardrun.operator.decide;

import io.shardrun.core.results.FileResult;
import io.shardrun.crd.v1alpha1.TestRunStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * A run's first failed or errored file and when it ended. Once written to the status it stays:
 * a shard that publishes late cannot change which file stopped a fail-fast run.
 *
 * @param time when it ended (RFC 3339)
 */
record FirstFailure(String file, String time) {
  /** The one the status before names, else the earliest to end of the bad files the shards show; null when none. */
  static FirstFailure of(TestRunStatus before, List<ShardProgress.Next> shards, Instant now) {
    if (before != null && before.getFirstFailedFile() != null) {
      return new FirstFailure(before.getFirstFailedFile(), before.getFirstFailureTime());
    }
    return shards.stream().filter(s -> s.results() != null).flatMap(s -> s.results().files().stream())
        .filter(f -> f.status().isBad())
        .map(f -> new Ended(f, ended(f, now)))
        .min(Comparator.comparing(Ended::at).thenComparing(e -> e.file().file()))
        .map(e -> new FirstFailure(e.file().file(), e.at().truncatedTo(ChronoUnit.SECONDS).toString()))
        .orElse(null);
  }

  private record Ended(FileResult file, Instant at) {}

  /** A result without its start time (an older executor's) ended when the operator sees it. */
  private static Instant ended(FileResult file, Instant now) {
    return file.startedMs() == null ? now : Instant.ofEpochMilli(file.startedMs() + file.durationMs());
  }
}
