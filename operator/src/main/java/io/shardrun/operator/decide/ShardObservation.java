package io.shardrun.operator.decide;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;

/**
 * What the cluster shows of one shard of the plan.
 *
 * @param index the shard's index in the plan
 * @param files its files, in plan order
 * @param job its Job; null before it exists
 * @param pods the Job's pods, oldest first (a retried shard has several)
 * @param kept the results the operator kept from an earlier reconcile; null when none
 */
public record ShardObservation(int index, List<String> files, Job job, List<ShardPod> pods, Published kept) {}
