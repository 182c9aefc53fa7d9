package io.shardrun.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every pod Shardrun makes, the operator's (from the chart) and the shard pods (from the
 * operator's renderer, for every example TestRun), runs under Pod Security "restricted", and a
 * ServiceAccount token reaches only the containers that call the API.
 */
class PodSecurityTest {
  /** Every pod template, named by where it comes from. */
  static Map<String, PodSpec> allPods() {
    Map<String, PodSpec> pods = new LinkedHashMap<>();
    for (Map<String, Object> values : List.of(Map.<String, Object>of(), ChartTest.NAMESPACED_HA_NO_METRICS)) {
      for (HasMetadata object : ChartRendering.objects(values)) {
        if (object instanceof Deployment deployment) {
          pods.put("chart " + values + ": Deployment " + object.getMetadata().getName(), deployment.getSpec().getTemplate().getSpec());
        }
      }
    }
    for (Job job : ShippedExamples.shardJobs()) {
      pods.put("Job " + job.getMetadata().getName(), job.getSpec().getTemplate().getSpec());
    }
    return pods;
  }

  @Test
  void everyPodMeetsTheRestrictedPodSecurityStandard() {
    Map<String, PodSpec> pods = allPods();
    assertThat(pods.keySet()).anyMatch(k -> k.contains("Deployment")).anyMatch(k -> k.startsWith("Job "));
    List<String> violations = new ArrayList<>();
    pods.forEach((where, pod) -> RestrictedPodSecurity.violations(pod).forEach(v -> violations.add(where + ": " + v)));
    assertThat(violations).isEmpty();
  }

  @Test
  void tokensReachOnlyTheContainersThatCallTheApi() {
    allPods().forEach((where, pod) -> {
      List<String> expected = where.startsWith("Job ") ? List.of("executor") : List.of("operator");
      assertThat(RestrictedPodSecurity.containersWithToken(pod)).as(where).containsExactlyElementsOf(expected);
    });
  }

  @Test
  void theChecksCatchWhatRestrictedForbids() {
    PodSpec compliant = ShippedExamples.examplePodTemplate().getSpec();
    assertThat(RestrictedPodSecurity.violations(compliant)).isEmpty();
    PodSpec loose = new PodSpecBuilder(compliant)
        .withHostNetwork(true)
        .addNewVolume().withName("docker").withNewHostPath().withPath("/var/run/docker.sock").endHostPath().endVolume()
        .editFirstContainer().editSecurityContext().withAllowPrivilegeEscalation(true).withRunAsNonRoot(false)
        .withNewSeccompProfile().withType("Unconfined").endSeccompProfile()
        .editCapabilities().withDrop().withAdd("SYS_ADMIN").endCapabilities().endSecurityContext().endContainer()
        .build();
    assertThat(RestrictedPodSecurity.violations(loose)).containsExactlyInAnyOrder(
        "pod: shares a host namespace",
        "volume docker: type hostPath is not allowed",
        "container executor: allowPrivilegeEscalation is not false",
        "container executor: does not drop ALL capabilities",
        "container executor: adds capabilities [SYS_ADMIN]",
        "container executor: runAsNonRoot is not true",
        "container executor: seccompProfile is not RuntimeDefault or Localhost");
    PodSpec automounted = new PodSpecBuilder(compliant).withAutomountServiceAccountToken(null).build();
    assertThat(RestrictedPodSecurity.containersWithToken(automounted)).containsExactly("browser", "executor");
  }
}
