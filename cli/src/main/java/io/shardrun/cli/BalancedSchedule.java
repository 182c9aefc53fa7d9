package io.shardrun.cli;

import io.shardrun.core.plan.ShardAssignment;

/** A static run: items planned up front by {@link ShardAssignment#balanced} on their estimates. */
final class BalancedSchedule {
  private BalancedSchedule() {}

  /** When the last item ends: each shard runs its items one after another from its pod's start. */
  static double makespanSeconds(SimulatedRun run) {
    int[] shardOf = ShardAssignment.balanced(run.estimateMs(), run.shards());
    double[] end = run.startSeconds().clone();
    double makespan = 0;
    for (int i = 0; i < shardOf.length; i++) {
      end[shardOf[i]] += run.runSeconds()[i];
      makespan = Math.max(makespan, end[shardOf[i]]);
    }
    return makespan;
  }
}
