package io.shardrun.core.plan;

/**
 * One file in a shard's run order.
 *
 * @param path suite-relative path
 * @param estimateMs its estimated duration
 */
public record PlannedFile(String path, long estimateMs) {}
