package io.shardrun.core.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The work of a dynamic run not yet handed out, longest estimate first, and the batches it hands
 * out. It holds no clock and no I/O: its state is the set of units left, so the operator can
 * rebuild it after a restart from what its pods say they were given, and the local runner and
 * the benchmark use the very same object. Thread-safe.
 */
public final class WorkQueue {
  private final List<WorkUnit> left;
  private final int shards;
  private final BatchPolicy policy;

  /**
   * @param units every unit of the run, in queue order (as {@link Planner#queue} builds them)
   * @param handedOut ids of units already given to a shard; they are not handed out again
   * @param shards how many shards share the queue (the default batch size depends on it)
   */
  public WorkQueue(List<WorkUnit> units, Set<Integer> handedOut, int shards, BatchPolicy policy) {
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be at least 1, got " + shards);
    }
    this.left = new ArrayList<>(units.stream().filter(u -> !handedOut.contains(u.id()))
        .sorted(Comparator.comparingInt(WorkUnit::id)).toList());
    this.shards = shards;
    this.policy = policy;
  }

  /** The next batch, removed from the queue; empty when nothing is left. */
  public synchronized List<WorkUnit> next() {
    List<WorkUnit> batch = new ArrayList<>(left.subList(0, policy.size(left, shards)));
    left.subList(0, batch.size()).clear();
    return batch;
  }

  /**
   * Puts back units a shard was given but did not finish (its pod was lost), in their queue
   * order: they go out again before shorter units.
   */
  public synchronized void giveBack(Collection<WorkUnit> units) {
    left.addAll(units);
    left.sort(Comparator.comparingInt(WorkUnit::id));
  }

  public synchronized boolean isEmpty() {
    return left.isEmpty();
  }

  /** The units not handed out, in queue order. */
  public synchronized List<WorkUnit> left() {
    return List.copyOf(left);
  }
}
