package io.shardrun.executor.run;

import io.shardrun.core.results.StartTogether;
import io.shardrun.executor.assignment.AssignmentException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

/**
 * Waits, before a shard's first file, for the time all shards start at (spec.startTogether), then
 * until that time. The operator tells it once every shard is ready; it needs no deadline of its
 * own: a shard never ready ends the run, and the operator then retires this shard's Job.
 */
public final class StartWait {
  static final Duration POLL = Duration.ofMillis(200);

  private final Supplier<String> startTime;
  private final Clock clock;

  /** @param startTime the time to start at (RFC 3339), as the operator wrote it; null until it has */
  public StartWait(Supplier<String> startTime, Clock clock) {
    this.startTime = startTime;
    this.clock = clock;
  }

  /**
   * @return the time it started at
   * @throws AssignmentException when the time written is not an RFC 3339 time
   */
  public Instant await() throws InterruptedException {
    String written;
    while ((written = startTime.get()) == null) {
      Thread.sleep(POLL.toMillis());
    }
    Instant at;
    try {
      at = Instant.parse(written);
    } catch (DateTimeParseException e) {
      throw new AssignmentException("annotation " + StartTogether.ANNOTATION + " of this pod is not an RFC 3339 time such as"
          + " 2026-12-03T10:00:02Z: '" + written + "'");
    }
    long wait = Duration.between(clock.instant(), at).toMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
    return at;
  }
}
