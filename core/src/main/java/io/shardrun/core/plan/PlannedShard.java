package io.shardrun.core.plan;

import java.util.List;

/**
 * One shard of a plan.
 *
 * @param index from 0
 * @param estimateMs sum of its files' estimates
 * @param files in run order: dependencies first, likely failures early
 */
public record PlannedShard(int index, long estimateMs, List<PlannedFile> files) {}
