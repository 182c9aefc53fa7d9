package io.shardrun.core.plan;

/**
 * When a shard of a dynamic run asks for its next batch: {@value #LEAD_MS} ms before its current
 * batch is estimated to end, so the next one is there when it is needed, but not while a long
 * unit still has long to run: a batch asked for then would wait on this shard while others have
 * nothing to do (the longest units go out first, so the next batch is often long too).
 */
public final class NextBatch {
  /** Covers a hand-off (the operator writing the assignment, the pod reading it) with room to spare. */
  public static final long LEAD_MS = 5_000;

  private NextBatch() {}

  /**
   * How long after its batch's last unit starts a shard asks for the next batch; it asks at once
   * when that unit ends sooner.
   */
  public static long askDelayMs(WorkUnit lastUnit) {
    return Math.max(0, lastUnit.estimateMs() - LEAD_MS);
  }
}
