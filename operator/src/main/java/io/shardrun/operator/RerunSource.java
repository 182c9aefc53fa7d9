package io.shardrun.operator;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.PlanCodec;
import io.shardrun.core.render.JobRenderer;
import io.shardrun.core.render.Names;
import io.shardrun.core.results.FileResult;
import io.shardrun.crd.v1alpha1.FileFailure;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.operator.decide.Published;
import io.shardrun.operator.decide.RunCounts;
import java.util.List;
import java.util.Map;
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
   * Read from the results the run kept (ConfigMap NAME-results) when it kept every shard's final
   * document (every file), else from its status (the first {@value RunCounts#MAX_FAILURES}).
   */
  static FailedFiles of(KubernetesClient client, TestRun other) {
    String namespace = other.getMetadata().getNamespace();
    String name = other.getMetadata().getName();
    ConfigMap planMap = client.configMaps().inNamespace(namespace).withName(Names.planConfigMap(name)).get();
    ConfigMap keptMap = client.configMaps().inNamespace(namespace).withName(Names.resultsConfigMap(name)).get();
    if (planMap != null && keptMap != null && RunObserver.ownedBy(planMap, other) && RunObserver.ownedBy(keptMap, other)) {
      Plan plan = PlanCodec.read(planMap.getData().get(JobRenderer.PLAN_KEY), "ConfigMap " + planMap.getMetadata().getName());
      Map<Integer, Published> kept = KeptResults.read(keptMap, plan, file -> List.of());
      if (plan.jobShards().stream().allMatch(s -> kept.containsKey(s.index()) && kept.get(s.index()).done())) {
        Set<String> failed = kept.values().stream().flatMap(p -> p.files().stream()).filter(r -> r.status().isBad())
            .map(FileResult::file).collect(Collectors.toSet());
        return new FailedFiles(failed, true);
      }
    }
    Set<String> failed = other.getStatus().getFailures().stream().map(FileFailure::getFile).collect(Collectors.toSet());
    return new FailedFiles(failed, other.getStatus().getFailuresOmitted() == null);
  }
}
