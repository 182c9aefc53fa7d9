package io.shardrun.charts;

import static io.shardrun.charts.ChartRendering.objects;
import static io.shardrun.charts.ChartRendering.ofType;
import static io.shardrun.charts.ChartRendering.one;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicy;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.shardrun.core.render.Images;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartTest {
  static final Map<String, Object> NAMESPACED_HA_NO_METRICS = Map.of(
      "watchNamespaces[0]", "team-a",
      "watchNamespaces[1]", "team-b",
      "replicas", 2,
      "metrics.enabled", false);

  @Test
  void helmLintStrictPasses() throws Exception {
    assertLintPasses(ChartRendering.CHART);
    // helm lint renders for Kubernetes v1.20, where the admission policy template stops the
    // rendering on purpose (a fail() that lint only notes): lint once more with it off, so that
    // every other template is linted too.
    Path copy = Files.createTempDirectory("shardrun-chart");
    try (var files = Files.walk(ChartRendering.CHART)) {
      for (Path file : files.toList()) {
        Path target = copy.resolve(ChartRendering.CHART.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    Path values = copy.resolve("values.yaml");
    Files.writeString(values, Files.readString(values).replace("admissionPolicy:\n    enabled: true", "admissionPolicy:\n    enabled: false"));
    assertThat(Files.readString(values)).contains("enabled: false");
    assertLintPasses(copy);
  }

  private static void assertLintPasses(Path chart) {
    LintResult lint = new Helm(chart).lint().strict().call();
    assertThat(lint.getMessages()).as("helm lint --strict " + chart).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    assertThat(lint.isFailed()).isFalse();
  }

  @Test
  void defaultsWatchEveryNamespaceWithOneOperatorAndNoLeaderElection() {
    List<HasMetadata> objects = objects(Map.of());
    Deployment operator = one(objects, Deployment.class);
    assertThat(operator.getSpec().getReplicas()).isEqualTo(1);
    assertThat(operator.getSpec().getStrategy().getType()).as("never two operators at once").isEqualTo("Recreate");
    List<String> args = operator.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
    assertThat(args).contains("operator").noneMatch(a -> a.startsWith("--namespaces") || a.startsWith("--max-running-shards"))
        .doesNotContain("--leader-election");
    assertThat(one(objects, ClusterRole.class).getMetadata().getName()).isEqualTo("shardrun-operator");
    assertThat(one(objects, ClusterRoleBinding.class).getSubjects().get(0).getNamespace()).isEqualTo(ChartRendering.NAMESPACE);
    assertThat(ofType(objects, Role.class)).extracting(r -> r.getMetadata().getName()).containsExactly("shardrun-executor");
    assertThat(one(objects, Service.class).getSpec().getPorts().get(0).getName()).isEqualTo("http-metrics");
    assertThat(one(objects, ValidatingAdmissionPolicy.class).getMetadata().getName()).isEqualTo("shardrun-executor-own-pod");
    assertThat(ofType(objects, GenericKubernetesResource.class)).as("no ServiceMonitor unless asked").isEmpty();
  }

  @Test
  void theCapOnRunningShardsReachesTheOperator() {
    Deployment operator = one(objects(Map.of("operator.maxRunningShards.perNamespace", 12, "operator.maxRunningShards.cluster", 40)),
        Deployment.class);
    assertThat(operator.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
        .contains("--max-running-shards-per-namespace=12", "--max-running-shards=40");
  }

  @Test
  void namespacedModeWithTwoReplicasAndNoMetrics() {
    List<HasMetadata> objects = objects(NAMESPACED_HA_NO_METRICS);
    assertThat(ofType(objects, ClusterRole.class)).as("nothing cluster-wide in namespaced mode").isEmpty();
    assertThat(ofType(objects, ClusterRoleBinding.class)).isEmpty();
    assertThat(ofType(objects, Role.class)).extracting(r -> r.getMetadata().getNamespace() + "/" + r.getMetadata().getName())
        .containsExactlyInAnyOrder(
            "team-a/shardrun-operator", "team-b/shardrun-operator",
            "team-a/shardrun-executor", "team-b/shardrun-executor",
            "shardrun/shardrun-operator-leader-election");
    assertThat(ofType(objects, RoleBinding.class)).allSatisfy(binding ->
        assertThat(binding.getRoleRef().getName()).isEqualTo(binding.getMetadata().getName()));
    assertThat(ofType(objects, ServiceAccount.class)).extracting(a -> a.getMetadata().getNamespace() + "/" + a.getMetadata().getName())
        .containsExactlyInAnyOrder("shardrun/shardrun-operator", "team-a/shardrun-executor", "team-b/shardrun-executor");
    Deployment operator = one(objects, Deployment.class);
    assertThat(operator.getSpec().getReplicas()).isEqualTo(2);
    assertThat(operator.getSpec().getStrategy()).as("rolling update: the standby takes over").isNull();
    assertThat(operator.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
        .contains("--namespaces=team-a,team-b", "--leader-election");
    assertThat(ofType(objects, Service.class)).as("metrics off").isEmpty();
  }

  @Test
  void leaderElectionMayTouchOnlyTheOperatorsLease() {
    Role lease = ofType(objects(NAMESPACED_HA_NO_METRICS), Role.class).stream()
        .filter(r -> r.getMetadata().getName().endsWith("leader-election")).findFirst().orElseThrow();
    assertThat(lease.getRules()).extracting(PolicyRule::getResourceNames, PolicyRule::getVerbs).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(List.of(), List.of("create")), // create cannot be limited by name
        org.assertj.core.groups.Tuple.tuple(List.of("shardrun-operator"), List.of("get", "update")));
  }

  @Test
  void aServiceMonitorScrapesTheMetricsServiceWhenAsked() {
    List<HasMetadata> objects = objects(Map.of("metrics.serviceMonitor.enabled", true, "metrics.serviceMonitor.labels.release", "prom"));
    GenericKubernetesResource monitor = one(objects, GenericKubernetesResource.class);
    assertThat(monitor.getKind()).isEqualTo("ServiceMonitor");
    assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prom");
    @SuppressWarnings("unchecked")
    Map<String, Object> endpoint = (Map<String, Object>) ((List<?>) monitor.get("spec", "endpoints")).get(0);
    assertThat(endpoint).containsEntry("port", one(objects, Service.class).getSpec().getPorts().get(0).getName())
        .containsEntry("path", "/metrics");
  }

  @Test
  void theImageOverrideReachesTheOperatorAndTheJobsItCreates() {
    Deployment operator = one(objects(Map.of(
        "image.repository", "registry.example.com/mirror/shardrun", "image.tag", "1.2.3",
        "browserImage.repository", "registry.example.com/mirror/shardrun-browser")), Deployment.class);
    var container = operator.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getImage()).isEqualTo("registry.example.com/mirror/shardrun:1.2.3");
    assertThat(container.getArgs()).contains(
        "--executor-image=registry.example.com/mirror/shardrun:1.2.3",
        "--browser-image=registry.example.com/mirror/shardrun-browser:" + Images.version());
  }

  @Test
  void defaultImagesAreTheOnesThisBuildRendersIntoJobs() throws Exception {
    JsonNode chart = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(ChartRendering.CHART.resolve("Chart.yaml")));
    assertThat(chart.path("appVersion").asText()).as("Chart.yaml appVersion = the Maven version").isEqualTo(Images.version());
    var container = one(objects(Map.of()), Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getImage()).isEqualTo(Images.defaults().executor());
    assertThat(container.getArgs()).contains("--executor-image=" + Images.defaults().executor(), "--browser-image=" + Images.defaults().browser());
  }

  @Test
  void theAdmissionPolicyCanBeTurnedOffAndOlderClustersAreToldTo() {
    assertThat(ofType(objects(Map.of("executor.admissionPolicy.enabled", false)), ValidatingAdmissionPolicy.class)).isEmpty();
    assertThatThrownBy(() -> ChartRendering.template(Map.of(), "1.29.4"))
        .hasMessageContaining("needs Kubernetes 1.30 or later, and the target is v1.29.4")
        .hasMessageContaining("set executor.admissionPolicy.enabled=false");
    assertThat(ChartRendering.template(Map.of("executor.admissionPolicy.enabled", false), "1.29.4")).contains("kind: Deployment");
  }

  @Test
  void executorNamespacesDefaultToTheReleaseNamespaceAndCanBeListed() {
    assertThat(ofType(objects(Map.of("executor.namespaces[0]", "ci", "executor.namespaces[1]", "nightly")), ServiceAccount.class))
        .extracting(a -> a.getMetadata().getNamespace() + "/" + a.getMetadata().getName())
        .containsExactlyInAnyOrder("shardrun/shardrun-operator", "ci/shardrun-executor", "nightly/shardrun-executor");
  }

  @Test
  void wrongValuesFailAtInstallNamingTheValue() {
    assertThatThrownBy(() -> ChartRendering.template(Map.of("replicas", 0))).hasMessageContaining("replicas");
    assertThatThrownBy(() -> ChartRendering.template(Map.of("replica", 2)))
        .hasMessageContaining("replica").hasMessageContaining("additional properties");
    assertThatThrownBy(() -> ChartRendering.template(Map.of("watchNamespaces[0]", "Team_A"))).hasMessageContaining("watchNamespaces");
    assertThatThrownBy(() -> ChartRendering.template(Map.of("image.pullPolicy", "Sometimes"))).hasMessageContaining("pullPolicy");
    assertThatThrownBy(() -> ChartRendering.template(Map.of("metrics.enabled", "yes"))).hasMessageContaining("metrics");
  }
}
