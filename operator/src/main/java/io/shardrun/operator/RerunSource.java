package io.shardrun.operator;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.PlanCodec;
import io.shardrun.core.render.JobRenderer;
import io.shardrun.core.render.Labels;
import io.shardrun.core.render.Names;
import io.shardrun.core.results.FileResult;
import io.shardrun.crd.v1alpha1.FileFailure;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.operator.status.Observations;
import io.shardrun.operator.status.ShardObservation;
import io.shardrun.operator.status.StatusAggregator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The files a finished TestRun failed or errored on, for another run's spec.rerunFailedOf. */
final class RerunSource {
  private RerunSource() {}

  /**
   * @param files the failed and errored files
   * @param complete false when only the run's status (capped) was left to read them from
   */
  record FailedFiles(Set<String> files, boolean complete) {}

  /**
   * Read from the run's shard pods when every shard's final results are still there (every
   * file), else from its status (the first {@value StatusAggregator#MAX_FAILURES}).
   */
  static FailedFiles of(KubernetesClient client, TestRun other) {
    String namespace = other.getMetadata().getNamespace();
    ConfigMap planMap = client.configMaps().inNamespace(namespace).withName(Names.planConfigMap(other.getMetadata().getName())).get();
    if (planMap != null) {
      Plan plan = PlanCodec.read(planMap.getData().get(JobRenderer.PLAN_KEY), "ConfigMap " + planMap.getMetadata().getName());
      String label = Names.labelValue(other.getMetadata().getName());
      List<ShardObservation> shards = Observations.of(other.getMetadata().getName(), other.getMetadata().getUid(), plan,
          client.batch().v1().jobs().inNamespace(namespace).withLabel(Labels.TESTRUN, label).list().getItems(),
          client.pods().inNamespace(namespace).withLabel(Labels.TESTRUN, label).list().getItems());
      if (shards.stream().allMatch(StatusAggregator::publishedFinalResults)) {
        Set<String> failed = StatusAggregator.fileResults(shards).stream().filter(r -> r.status().isBad())
            .map(FileResult::file).collect(Collectors.toSet());
        return new FailedFiles(failed, true);
      }
    }
    Set<String> failed = other.getStatus().getFailures().stream().map(FileFailure::getFile).collect(Collectors.toSet());
    return new FailedFiles(failed, other.getStatus().getFailuresOmitted() == null);
  }
}
