package io.shardrun.core.plan;

import io.shardrun.core.history.Estimates;
import io.shardrun.core.suite.DependencyGraph;
import io.shardrun.core.suite.Suite;
import io.shardrun.crd.v1alpha1.Sharding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Plans selected files onto shards. Files connected by depends_on form one unit that stays on one
 * shard; all serial files (with their units) form a single unit, so no two of them ever run at
 * once. Units go to shards by {@link ShardAssignment}; inside a shard, files run dependencies
 * first and, where dependencies allow, likely failures first. A dynamic plan binds no unit to a
 * shard: it lists the units in queue order ({@link #queue}) for the shards to take as they go.
 */
public final class Planner {
  private Planner() {}

  /**
   * @param selected files to plan, closed under upstream (as {@code Selection.select} returns)
   */
  public static Plan plan(Suite suite, List<String> selected, int shards, Sharding sharding, Estimates estimates) {
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be at least 1, got " + shards);
    }
    if (sharding == Sharding.DYNAMIC) {
      List<PlannedShard> empty = java.util.stream.IntStream.range(0, shards)
          .mapToObj(s -> new PlannedShard(s, 0, List.of())).toList();
      return new Plan(sharding, empty, queue(suite, selected, estimates));
    }
    DependencyGraph graph = suite.graph();
    List<List<String>> units = units(suite, selected);
    int[] shardOf = new int[units.size()];
    if (sharding == Sharding.HASH) {
      for (int u = 0; u < units.size(); u++) {
        shardOf[u] = ShardAssignment.hash(units.get(u).get(0), shards);
      }
    } else {
      long[] unitEstimates = units.stream()
          .mapToLong(unit -> unit.stream().mapToLong(estimates::estimateMs).sum()).toArray();
      shardOf = ShardAssignment.balanced(unitEstimates, shards);
    }
    List<List<String>> filesOf = new ArrayList<>();
    for (int s = 0; s < shards; s++) {
      filesOf.add(new ArrayList<>());
    }
    for (int u = 0; u < units.size(); u++) {
      filesOf.get(shardOf[u]).addAll(units.get(u));
    }
    List<PlannedShard> planned = new ArrayList<>();
    for (int s = 0; s < shards; s++) {
      List<PlannedFile> files = graph.order(filesOf.get(s), estimates::priority).stream()
          .map(f -> new PlannedFile(f, estimates.estimateMs(f))).toList();
      planned.add(new PlannedShard(s, files.stream().mapToLong(PlannedFile::estimateMs).sum(), files));
    }
    return new Plan(sharding, planned);
  }

  /**
   * The work units of a dynamic run in queue order: longest estimate first, among equals the one
   * likelier to fail (its files' highest failure rate), then by its first file's path. Each
   * unit's files are in run order, dependencies first.
   *
   * @param selected files to queue, closed under upstream (as {@code Selection.select} returns)
   */
  public static List<WorkUnit> queue(Suite suite, List<String> selected, Estimates estimates) {
    return inQueueOrder(units(suite, selected).stream()
        .map(unit -> suite.graph().order(unit, estimates::priority).stream()
            .map(f -> new PlannedFile(f, estimates.estimateMs(f))).toList())
        .toList(), estimates::priority);
  }

  /**
   * Units numbered in queue order: those holding a file to run first ({@link Estimates#FIRST}),
   * then longest estimate first, among equals the one likelier to fail (its files' highest
   * priority), then by its first file's path.
   *
   * @param units each unit's files, in run order
   * @param priority each file's priority, as {@link Estimates#priority}
   */
  public static List<WorkUnit> inQueueOrder(List<List<PlannedFile>> units, ToDoubleFunction<String> priority) {
    ToDoubleFunction<List<PlannedFile>> highest = u -> u.stream().mapToDouble(f -> priority.applyAsDouble(f.path())).max().orElse(0);
    List<List<PlannedFile>> ordered = units.stream()
        .sorted(Comparator.<List<PlannedFile>, Boolean>comparing(u -> highest.applyAsDouble(u) < Estimates.FIRST)
            .thenComparingLong(u -> -u.stream().mapToLong(PlannedFile::estimateMs).sum())
            .thenComparingDouble(u -> -highest.applyAsDouble(u))
            .thenComparing(u -> u.get(0).path()))
        .toList();
    List<WorkUnit> queue = new ArrayList<>();
    for (List<PlannedFile> files : ordered) {
      queue.add(new WorkUnit(queue.size(), files));
    }
    return queue;
  }

  /** Connected dependency groups, with every group holding a serial file merged into one. */
  private static List<List<String>> units(Suite suite, List<String> selected) {
    List<List<String>> units = new ArrayList<>();
    List<String> serial = new ArrayList<>();
    for (List<String> group : suite.graph().components(selected)) {
      if (group.stream().anyMatch(f -> suite.file(f).meta().serial())) {
        serial.addAll(group);
      } else {
        units.add(group);
      }
    }
    if (!serial.isEmpty()) {
      serial.sort(Comparator.comparingInt(suite.graph()::rank));
      units.add(serial);
    }
    return units;
  }
}
