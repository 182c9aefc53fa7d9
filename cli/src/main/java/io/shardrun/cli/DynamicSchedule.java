package io.shardrun.cli;

import io.shardrun.core.plan.BatchPolicy;
import io.shardrun.core.plan.NextBatch;
import io.shardrun.core.plan.PlannedFile;
import io.shardrun.core.plan.Planner;
import io.shardrun.core.plan.WorkQueue;
import io.shardrun.core.plan.WorkUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A dynamic run: shards take batches from the shipped {@link WorkQueue} as they go, simulated event
 * by event.
 *
 * <p>Every hand-off takes {@code handoffSeconds}: a request made at T is answered at T + h, and the
 * queue is consulted then. (With one latency for all shards, consulting at T or at T + h hands out
 * the same batches in the same order.) A shard asks first when its pod starts, then for each next
 * batch as {@code prefetch} says. An empty answer stops the shard once its current unit ends.
 *
 * @param policy how the queue sizes batches
 * @param handoffSeconds the latency of every hand-off
 * @param prefetch when a shard asks for its next batch
 */
record DynamicSchedule(BatchPolicy policy, double handoffSeconds, Prefetch prefetch) {

  /** When a shard asks for its next batch. */
  enum Prefetch {
    /**
     * As the product does ({@link NextBatch}): as its batch's last unit starts, after that unit's
     * estimate less a lead, or when the unit ends if sooner.
     */
    LEAD,
    /**
     * When it starts its batch's last unit: the next batch is there before that unit ends unless
     * the unit is shorter than the hand-off, but it waits, held by this shard, until then.
     */
    LAST_UNIT,
    /** When its batch ends: every batch waits a hand-off, and no shard holds work it cannot start. */
    OFF
  }

  /** A shard's pending request, answered at {@code answeredAt}; {@code sequence} orders ties. */
  private record Request(int shard, double answeredAt, long sequence) {}

  /** When the last unit ends. */
  double makespanSeconds(SimulatedRun run) {
    List<WorkUnit> units = queueUnits(run);
    int[] itemOfUnit = itemOfUnit(run, units);
    WorkQueue queue = new WorkQueue(units, Set.of(), run.shards(), policy);
    PriorityQueue<Request> requests = new PriorityQueue<>(
        Comparator.comparingDouble(Request::answeredAt).thenComparingLong(Request::sequence));
    long sequence = 0;
    for (int shard = 0; shard < run.shards(); shard++) {
      requests.add(new Request(shard, run.startSeconds()[shard] + handoffSeconds, sequence++));
    }
    double[] busyUntil = run.startSeconds().clone();
    double makespan = 0;
    while (!requests.isEmpty()) {
      Request request = requests.poll();
      List<WorkUnit> batch = queue.next();
      if (batch.isEmpty()) {
        continue;
      }
      int shard = request.shard();
      double lastUnitStart = Math.max(request.answeredAt(), busyUntil[shard]);
      for (WorkUnit unit : batch.subList(0, batch.size() - 1)) {
        lastUnitStart += run.runSeconds()[itemOfUnit[unit.id()]];
      }
      busyUntil[shard] = lastUnitStart + run.runSeconds()[itemOfUnit[batch.get(batch.size() - 1).id()]];
      double askedAt = switch (prefetch) {
        case LEAD -> Math.min(busyUntil[shard], lastUnitStart + NextBatch.askDelayMs(batch.get(batch.size() - 1)) / 1000.0);
        case LAST_UNIT -> lastUnitStart;
        case OFF -> busyUntil[shard];
      };
      requests.add(new Request(shard, askedAt + handoffSeconds, sequence++));
      makespan = Math.max(makespan, busyUntil[shard]);
    }
    return makespan;
  }

  /**
   * One unit per item (traces have no dependencies, and no item fails), numbered in the planner's
   * queue order ({@link Planner#inQueueOrder}).
   */
  static List<WorkUnit> queueUnits(SimulatedRun run) {
    return Planner.inQueueOrder(IntStream.range(0, run.ids().size())
        .mapToObj(i -> List.of(new PlannedFile(run.ids().get(i), run.estimateMs()[i]))).toList(), path -> 0);
  }

  /** The trace item each unit runs, by unit id. */
  private static int[] itemOfUnit(SimulatedRun run, List<WorkUnit> units) {
    Map<String, Integer> itemOf = new HashMap<>();
    IntStream.range(0, run.ids().size()).forEach(i -> itemOf.put(run.ids().get(i), i));
    return units.stream().mapToInt(u -> itemOf.get(u.files().get(0).path())).toArray();
  }
}
