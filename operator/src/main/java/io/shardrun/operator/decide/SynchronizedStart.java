package io.shardrun.operator.decide;

import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.crd.v1alpha1.TestRunStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/**
 * spec.startTogether: the time every shard starts its first file at, once all are ready; until
 * then how long they have left, and past the deadline which shards were not ready. A shard is
 * ready when a pod of its that still runs has published its first results document: its executor
 * is up and its browser answered.
 *
 * @param at when the shards start (RFC 3339); null while they wait
 * @param notReady past the deadline, the shards that were not ready; else empty
 * @param left while they wait, the time to the deadline
 */
record SynchronizedStart(String at, List<Integer> notReady, Duration left) {
  /** Time for every executor, polling its pod, to read the start before it comes. */
  static final Duration LEAD = Duration.ofSeconds(2);

  static SynchronizedStart of(TestRun run, List<ShardObservation> shards, Instant now) {
    TestRunStatus before = run.getStatus();
    if (before != null && before.getStartedTogetherTime() != null) {
      return new SynchronizedStart(before.getStartedTogetherTime(), List.of(), Duration.ZERO);
    }
    List<Integer> notReady = shards.stream().filter(s -> s.pods().stream().noneMatch(p -> !p.terminal() && p.published() != null))
        .map(ShardObservation::index).toList();
    if (notReady.isEmpty()) {
      return new SynchronizedStart(now.plus(LEAD).truncatedTo(ChronoUnit.MILLIS).toString(), List.of(), Duration.ZERO);
    }
    Instant deadline = Instant.parse(run.getMetadata().getCreationTimestamp()).plusSeconds(run.getSpec().startTogetherTimeout());
    Duration left = Duration.between(now, deadline);
    return new SynchronizedStart(null, left.isNegative() || left.isZero() ? notReady : List.of(), left);
  }

  /** Why every shard is retired when some were not ready in time. */
  String why(int timeoutSeconds) {
    String shards = notReady.stream().map(String::valueOf).collect(Collectors.joining(", "));
    return "not started together: shard" + (notReady.size() == 1 ? " " : "s ") + shards + " not ready within " + timeoutSeconds
        + " s of the run's creation (spec.startTogetherTimeoutSeconds)";
  }
}
