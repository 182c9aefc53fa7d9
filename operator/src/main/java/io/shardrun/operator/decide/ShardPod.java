package io.shardrun.operator.decide;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * One pod of a shard's Job and the results it published.
 *
 * @param published its {@code shardrun.io/result} annotation; null before it published any
 */
public record ShardPod(Pod pod, Published published) {}
