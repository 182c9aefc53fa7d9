package io.shardrun.core.plan;

import io.shardrun.crd.v1alpha1.BatchMode;
import io.shardrun.crd.v1alpha1.BatchSpec;
import java.util.List;

/**
 * How much work a shard takes at a time. Small batches even out the shards' ends; each batch
 * costs a hand-off, so on suites of many short files batches of several seconds of estimated
 * work do better than one file at a time.
 *
 * @param mode how {@code target} is read
 * @param target seconds of estimated work ({@link Mode#TIME}) or units ({@link Mode#COUNT});
 *     unused by the other modes
 */
public record BatchPolicy(Mode mode, int target) {
  /** The ways of sizing a batch. */
  public enum Mode {
    /** Units up to {@code target} seconds of estimated work. */
    TIME,
    /** {@code target} units. */
    COUNT,
    /** One unit at a time. */
    OFF,
    /**
     * The default: a time batch of the queue's remaining estimate over twice the shards, so
     * batches are large while there is much to do and shrink towards one unit as the queue drains.
     */
    SHRINKING
  }

  public BatchPolicy {
    if ((mode == Mode.TIME || mode == Mode.COUNT) && target < 1) {
      throw new IllegalArgumentException("a " + mode.name().toLowerCase(java.util.Locale.ROOT)
          + " batch needs a target of at least 1, got " + target);
    }
  }

  public static BatchPolicy shrinking() {
    return new BatchPolicy(Mode.SHRINKING, 0);
  }

  /** A TestRun's {@code spec.batch}: unset, or mode time without a target, is {@link Mode#SHRINKING}. */
  public static BatchPolicy of(BatchSpec spec) {
    if (spec == null || (spec.getMode() == BatchMode.TIME && spec.getTarget() == null)) {
      return shrinking();
    }
    return switch (spec.getMode()) {
      case TIME -> new BatchPolicy(Mode.TIME, spec.getTarget());
      case COUNT -> new BatchPolicy(Mode.COUNT, spec.getTarget());
      case OFF -> new BatchPolicy(Mode.OFF, 0);
    };
  }

  /**
   * How many of the queue's first units make the next batch: at least one while any are left.
   *
   * @param queue the units left, in queue order
   */
  int size(List<WorkUnit> queue, int shards) {
    if (queue.isEmpty()) {
      return 0;
    }
    return switch (mode) {
      case OFF -> 1;
      case COUNT -> Math.min(target, queue.size());
      case TIME -> unitsWithin(queue, target * 1000L);
      case SHRINKING -> unitsWithin(queue, queue.stream().mapToLong(WorkUnit::estimateMs).sum() / (2L * shards));
    };
  }

  /** Units from the front until their estimates reach {@code budgetMs}; at least one. */
  private static int unitsWithin(List<WorkUnit> queue, long budgetMs) {
    long taken = queue.get(0).estimateMs();
    int count = 1;
    while (count < queue.size() && taken < budgetMs) {
      taken += queue.get(count).estimateMs();
      count++;
    }
    return count;
  }
}
