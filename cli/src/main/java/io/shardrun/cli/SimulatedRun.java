package io.shardrun.cli;

import java.util.Arrays;
import java.util.List;

/**
 * One simulated run of a trace: what the planner believes, what actually happens, and when each
 * shard's pod is up. The run starts at time 0.
 *
 * @param ids the items' ids, in trace order
 * @param estimateMs each item's estimate, what the scheduler plans with
 * @param runSeconds each item's actual run time in this run
 * @param startSeconds when each shard's pod starts; its length is the shard count
 */
record SimulatedRun(List<String> ids, long[] estimateMs, double[] runSeconds, double[] startSeconds) {

  int shards() {
    return startSeconds.length;
  }

  /**
   * max(first pod's start + longest item, (all run time + all pods' start delays) / shards): the
   * longest item needs a pod, and the shards together have shards x makespan seconds, less their
   * start delays. (A pod that starts only after the others have run everything loses less than its
   * delay, so then a schedule can end a little before this bound.)
   */
  double lowerBoundSeconds() {
    double firstStart = Arrays.stream(startSeconds).min().orElseThrow();
    double longest = Arrays.stream(runSeconds).max().orElse(0);
    double work = Arrays.stream(runSeconds).sum() + Arrays.stream(startSeconds).sum();
    return Math.max(firstStart + longest, work / shards());
  }

  /** {@code makespanSeconds} over the lower bound; 1 when the bound is 0 (nothing to run, pods up at once). */
  double ratio(double makespanSeconds) {
    double bound = lowerBoundSeconds();
    return bound == 0 ? 1 : makespanSeconds / bound;
  }
}
