package io.shardrun.core.plan;

import java.util.Arrays;

/**
 * How close a shard assignment is to the best possible: its makespan (the slowest shard) against
 * the lower bound max(longest item, total / shards) that no assignment can beat.
 *
 * @param makespanMs the slowest shard's total
 * @param lowerBoundMs max(longest item, total / shards)
 */
public record PlanQuality(long makespanMs, long lowerBoundMs) {

  /** @param shardLoads each shard's total; @param longestItemMs the longest single unit of work */
  public static PlanQuality of(long[] shardLoads, long longestItemMs) {
    long total = Arrays.stream(shardLoads).sum();
    long makespan = Arrays.stream(shardLoads).max().orElse(0);
    long bound = Math.max(longestItemMs, (total + shardLoads.length - 1) / Math.max(1, shardLoads.length));
    return new PlanQuality(makespan, bound);
  }

  public static PlanQuality of(Plan plan) {
    long[] loads = plan.shards().stream().mapToLong(PlannedShard::estimateMs).toArray();
    long longest = plan.shards().stream().flatMap(s -> s.files().stream())
        .mapToLong(PlannedFile::estimateMs).max().orElse(0);
    return of(loads, longest);
  }

  /** makespan / lower bound; 1.0 is optimal (and is what an empty plan gets). */
  public double ratio() {
    return lowerBoundMs == 0 ? 1.0 : makespanMs / (double) lowerBoundMs;
  }
}
