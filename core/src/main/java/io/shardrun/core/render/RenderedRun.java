package io.shardrun.core.render;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;

/**
 * The objects a TestRun becomes.
 *
 * @param plan ConfigMap NAME-plan
 * @param jobs one Job per non-empty shard, by shard index
 */
public record RenderedRun(ConfigMap plan, List<Job> jobs) {}
