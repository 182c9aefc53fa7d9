package io.shardrun.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.PlanCodec;
import io.shardrun.core.plan.PlannedFile;
import io.shardrun.core.plan.PlannedShard;
import io.shardrun.core.suite.SuiteFile;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteKeys;
import io.shardrun.crd.v1alpha1.Sharding;
import io.shardrun.crd.v1alpha1.SuiteSource;
import io.shardrun.crd.v1alpha1.Isolation;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.crd.v1alpha1.TestRunSpec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class JobRendererTest {
  static final Images IMAGES = new Images("registry.test/shardrun:1", "registry.test/browser:1");
  final JobRenderer renderer = new JobRenderer(IMAGES);

  static TestRun testRun(String name, String uid) {
    TestRun run = new TestRun();
    run.getMetadata().setName(name);
    run.getMetadata().setNamespace("qa");
    run.getMetadata().setUid(uid);
    TestRunSpec spec = new TestRunSpec();
    spec.setSuite(new SuiteSource("shop-suite"));
    spec.setShards(3);
    spec.setTimeoutSeconds(900L);
    spec.setRetries(1);
    spec.setTtlSecondsAfterFinished(3600);
    spec.setEnv(List.of(new EnvVarBuilder().withName("BASE_URL").withValue("http://shop.qa.svc").build()));
    run.setSpec(spec);
    return run;
  }

  static final SuiteFiles SUITE = new SuiteFiles(Stream.of("login.json", "checkout/cart.json", "größe/ü 1.json")
      .map(p -> new SuiteFile(p, SuiteKeys.encode(p), "{}")).toList());

  static final Plan PLAN = new Plan(Sharding.BALANCED, List.of(
      new PlannedShard(0, 3000, List.of(new PlannedFile("login.json", 1000), new PlannedFile("checkout/cart.json", 2000))),
      new PlannedShard(1, 0, List.of()),
      new PlannedShard(2, 1500, List.of(new PlannedFile("größe/ü 1.json", 1500)))));

  @Test
  void planConfigMapHoldsThePlanAndBelongsToTheRun() {
    ConfigMap plan = renderer.planConfigMap(testRun("nightly", "uid-1"), PLAN);
    assertThat(plan.getMetadata().getName()).isEqualTo("nightly-plan");
    assertThat(plan.getMetadata().getNamespace()).isEqualTo("qa");
    assertThat(plan.getMetadata().getLabels())
        .containsEntry("shardrun.io/testrun", "nightly")
        .containsEntry("app.kubernetes.io/component", "plan")
        .containsEntry("app.kubernetes.io/name", "shardrun");
    assertThat(plan.getMetadata().getOwnerReferences()).singleElement().satisfies(ref -> {
      assertThat(ref.getKind()).isEqualTo("TestRun");
      assertThat(ref.getApiVersion()).isEqualTo("shardrun.io/v1alpha1");
      assertThat(ref.getUid()).isEqualTo("uid-1");
      assertThat(ref.getController()).isTrue();
    });
    assertThat(PlanCodec.read(plan.getData().get("plan.json"), "plan")).isEqualTo(PLAN);
  }

  @Test
  void oneJobPerNonEmptyShardNamedAfterTheRunAndShard() {
    RenderedRun rendered = renderer.render(testRun("nightly", "uid-1"), PLAN, SUITE);
    assertThat(rendered.jobs()).extracting(j -> j.getMetadata().getName())
        .containsExactly("nightly-shard-0", "nightly-shard-2");
    assertThat(rendered.jobs().get(1).getMetadata().getLabels()).containsEntry("shardrun.io/shard", "2");
    assertThat(rendered.jobs().get(1).getSpec().getTemplate().getMetadata().getLabels()).containsEntry("shardrun.io/shard", "2");
  }

  @Test
  void noOwnerReferenceWithoutAUidAsWhenRenderedOffline() {
    Job job = renderer.shardJob(testRun("nightly", null), PLAN.shards().get(0), SUITE);
    assertThat(job.getMetadata().getOwnerReferences()).isEmpty();
  }

  @Test
  void jobLimitsComeFromTheSpec() {
    Job job = renderer.shardJob(testRun("nightly", "u"), PLAN.shards().get(0), SUITE);
    assertThat(job.getSpec().getBackoffLimit()).isEqualTo(1);
    assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(900L);
    assertThat(job.getSpec().getTtlSecondsAfterFinished())
        .as("a Job's own TTL would delete a finished shard while others run; the operator deletes the run's Jobs once it is final")
        .isNull();
    assertThat(job.getSpec().getCompletions()).isEqualTo(1);
    assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
  }

  @Test
  void podFailurePolicyIgnoresDisruptionsAndFailsTheJobAtOnceOnTestFailures() {
    List<PodFailurePolicyRule> rules = renderer.shardJob(testRun("r", "u"), PLAN.shards().get(0), SUITE)
        .getSpec().getPodFailurePolicy().getRules();
    assertThat(rules).hasSize(2);
    assertThat(rules.get(0).getAction()).isEqualTo("Ignore");
    assertThat(rules.get(0).getOnPodConditions()).singleElement()
        .satisfies(c -> assertThat(c.getType()).isEqualTo("DisruptionTarget"));
    assertThat(rules.get(1).getAction()).isEqualTo("FailJob");
    assertThat(rules.get(1).getOnExitCodes().getContainerName()).isEqualTo("executor");
    assertThat(rules.get(1).getOnExitCodes().getOperator()).isEqualTo("In");
    assertThat(rules.get(1).getOnExitCodes().getValues()).containsExactly(1);
  }

  @Test
  void browserIsANativeSidecarWithoutKubeletProbesSinceChromedriverAnswersOnlyLoopback() {
    PodSpec pod = renderer.shardJob(testRun("r", "u"), PLAN.shards().get(0), SUITE).getSpec().getTemplate().getSpec();
    assertThat(pod.getInitContainers()).singleElement().satisfies(browser -> {
      assertThat(browser.getName()).isEqualTo("browser");
      assertThat(browser.getImage()).isEqualTo("registry.test/browser:1");
      assertThat(browser.getRestartPolicy()).isEqualTo("Always");
      assertThat(browser.getPorts()).singleElement().satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(9515));
      // A probe comes from the node to the pod IP, which chromedriver refuses: the executor
      // waits for /status on 127.0.0.1 instead.
      assertThat(browser.getStartupProbe()).isNull();
      assertThat(browser.getReadinessProbe()).isNull();
      assertThat(browser.getLivenessProbe()).isNull();
      assertThat(browser.getEnv()).extracting(EnvVar::getName).doesNotContain("BASE_URL");
    });
  }

  @Test
  void executorRunsItsShardAgainstTheSidecarWithDownwardApiIdentity() {
    Container executor = executor(renderer.shardJob(testRun("r", "u"), PLAN.shards().get(2), SUITE));
    assertThat(executor.getImage()).isEqualTo("registry.test/shardrun:1");
    assertThat(executor.getArgs()).containsExactly("execute", "--plan", "/etc/shardrun/plan/plan.json",
        "--shard", "2", "--suite", "/etc/shardrun/suite", "--webdriver-url", "http://127.0.0.1:9515",
        "--out", "/tmp/shardrun", "--variables=BASE_URL");
    assertThat(executor.getEnv()).extracting(EnvVar::getName)
        .containsExactly("POD_NAME", "POD_NAMESPACE", "SHARDRUN_TESTRUN", "HOME", "BASE_URL");
    assertThat(executor.getEnv().get(0).getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
    assertThat(executor.getEnv().get(1).getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.namespace");
  }

  @Test
  void theExecutorsVariablesAreTheSpecEnvNamesAloneInOneArgument() {
    TestRun run = testRun("r", "u");
    run.getSpec().setEnv(List.of(
        new EnvVarBuilder().withName("BASE_URL").withValue("http://shop.qa.svc").build(),
        new EnvVarBuilder().withName("-dashed.name").withValue("x").build(),
        new EnvVarBuilder().withName("API_TOKEN").withNewValueFrom().withNewSecretKeyRef("token", "qa-secrets", false).endValueFrom().build(),
        new EnvVarBuilder().withName("BASE_URL").withValue("http://shop.qa.svc:8080").build()));
    assertThat(executor(renderer.shardJob(run, PLAN.shards().get(0), SUITE)).getArgs())
        .endsWith("--out", "/tmp/shardrun", "--variables=BASE_URL,-dashed.name,API_TOKEN");

    run.getSpec().setEnv(List.of());
    assertThat(executor(renderer.shardJob(run, PLAN.shards().get(0), SUITE)).getArgs())
        .as("no variables at all: none of the pod's own environment").noneMatch(a -> a.startsWith("--variables"));
  }

  @Test
  void theExecutorIsToldTheIsolationOnlyWhenTheRunSetsIt() {
    TestRun run = testRun("r", "u");
    assertThat(executor(renderer.shardJob(run, PLAN.shards().get(0), SUITE)).getArgs()).noneMatch(a -> a.startsWith("--isolation"));
    run.getSpec().getExecutor().setIsolation(Isolation.SESSION);
    assertThat(executor(renderer.shardJob(run, PLAN.shards().get(0), SUITE)).getArgs()).endsWith("--isolation=session");
  }

  @Test
  void theExecutorFailsFastOnlyWhenTheRunSaysSo() {
    TestRun run = testRun("r", "u");
    assertThat(executor(renderer.shardJob(run, PLAN.shards().get(0), SUITE)).getArgs()).doesNotContain("--fail-fast");
    run.getSpec().setFailFast(true);
    assertThat(executor(renderer.shardJob(run, PLAN.shards().get(0), SUITE)).getArgs()).endsWith("--fail-fast");
  }

  @Test
  void theExecutorsErrorGoesToItsTerminationMessageFile() {
    Container executor = executor(renderer.shardJob(testRun("r", "u"), PLAN.shards().get(0), SUITE));
    assertThat(executor.getTerminationMessagePath()).isEqualTo("/dev/termination-log");
    assertThat(executor.getTerminationMessagePolicy()).isEqualTo("File");
  }

  @Test
  void explicitImagesAndPortOverrideTheDefaults() {
    TestRun run = testRun("r", "u");
    run.getSpec().getBrowser().setImage("selenium/standalone-chromium:4");
    run.getSpec().getBrowser().setPort(4444);
    run.getSpec().getExecutor().setImage("mirror.local/shardrun:1");
    Job job = renderer.shardJob(run, PLAN.shards().get(0), SUITE);
    assertThat(job.getSpec().getTemplate().getSpec().getInitContainers().get(0).getImage()).isEqualTo("selenium/standalone-chromium:4");
    assertThat(job.getSpec().getTemplate().getSpec().getInitContainers().get(0).getPorts().get(0).getContainerPort()).isEqualTo(4444);
    assertThat(executor(job).getImage()).isEqualTo("mirror.local/shardrun:1");
    assertThat(executor(job).getArgs()).contains("http://127.0.0.1:4444");
  }

  @Test
  void everyContainerMeetsPodSecurityStandardRestricted() {
    PodSpec pod = renderer.shardJob(testRun("r", "u"), PLAN.shards().get(0), SUITE).getSpec().getTemplate().getSpec();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
    assertThat(pod.getHostPID()).isNotEqualTo(Boolean.TRUE);
    assertThat(pod.getVolumes()).allSatisfy(v -> assertThat(v.getHostPath()).isNull());
    for (Container c : Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream()).toList()) {
      SecurityContext sc = c.getSecurityContext();
      assertThat(sc.getAllowPrivilegeEscalation()).as(c.getName()).isFalse();
      assertThat(sc.getRunAsNonRoot()).as(c.getName()).isTrue();
      assertThat(sc.getReadOnlyRootFilesystem()).as(c.getName()).isTrue();
      assertThat(sc.getCapabilities().getDrop()).as(c.getName()).containsExactly("ALL");
      assertThat(sc.getCapabilities().getAdd()).as(c.getName()).isNullOrEmpty();
      assertThat(sc.getPrivileged()).as(c.getName()).isNotEqualTo(Boolean.TRUE);
      assertThat(c.getVolumeMounts()).as(c.getName()).extracting(VolumeMount::getMountPath).contains("/tmp");
    }
  }

  @Test
  void apiTokenIsMountedInTheExecutorOnly() {
    PodSpec pod = renderer.shardJob(testRun("r", "u"), PLAN.shards().get(0), SUITE).getSpec().getTemplate().getSpec();
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getServiceAccountName()).isEqualTo("shardrun-executor");
    assertThat(executor(pod).getVolumeMounts()).extracting(VolumeMount::getMountPath)
        .contains("/var/run/secrets/kubernetes.io/serviceaccount");
    assertThat(pod.getInitContainers().get(0).getVolumeMounts()).extracting(VolumeMount::getName)
        .doesNotContain("api-token");
  }

  @Test
  void suiteVolumeRestoresExactPathsIncludingFoldersAndNonAscii() {
    PodSpec pod = renderer.shardJob(testRun("r", "u"), PLAN.shards().get(0), SUITE).getSpec().getTemplate().getSpec();
    Volume suite = pod.getVolumes().stream().filter(v -> v.getName().equals("suite")).findFirst().orElseThrow();
    assertThat(suite.getConfigMap().getName()).isEqualTo("shop-suite");
    assertThat(suite.getConfigMap().getItems()).extracting(KeyToPath::getKey, KeyToPath::getPath).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("login.json", "login.json"),
        org.assertj.core.groups.Tuple.tuple("checkout_2Fcart.json", "checkout/cart.json"),
        org.assertj.core.groups.Tuple.tuple(SuiteKeys.encode("größe/ü 1.json"), "größe/ü 1.json"));
    Volume plan = pod.getVolumes().stream().filter(v -> v.getName().equals("plan")).findFirst().orElseThrow();
    assertThat(plan.getConfigMap().getName()).isEqualTo("r-plan");
    assertThat(executor(pod).getVolumeMounts()).filteredOn(m -> m.getName().equals("suite") || m.getName().equals("plan"))
        .allSatisfy(m -> assertThat(m.getReadOnly()).isTrue());
  }

  @Test
  void aSuiteWithExtensionsMountsTheirFilesAloneIntoTheBrowserAtTheSuitesPath() {
    SuiteFiles suite = new SuiteFiles(Stream.of("login.json", "extensions/marker/manifest.json", "extensions/marker/content.js")
        .map(p -> new SuiteFile(p, SuiteKeys.encode(p), "{}")).toList());
    PodSpec pod = renderer.shardJob(testRun("r", "u"), PLAN.shards().get(0), suite).getSpec().getTemplate().getSpec();

    Volume all = pod.getVolumes().stream().filter(v -> v.getName().equals("suite")).findFirst().orElseThrow();
    assertThat(all.getConfigMap().getItems()).extracting(KeyToPath::getPath)
        .containsExactlyInAnyOrder("login.json", "extensions/marker/manifest.json", "extensions/marker/content.js");
    Volume extensions = pod.getVolumes().stream().filter(v -> v.getName().equals("extensions")).findFirst().orElseThrow();
    assertThat(extensions.getConfigMap().getName()).isEqualTo("shop-suite");
    assertThat(extensions.getConfigMap().getItems()).extracting(KeyToPath::getKey, KeyToPath::getPath).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("extensions_2Fmarker_2Fmanifest.json", "extensions/marker/manifest.json"),
        org.assertj.core.groups.Tuple.tuple("extensions_2Fmarker_2Fcontent.js", "extensions/marker/content.js"));
    assertThat(pod.getInitContainers().get(0).getVolumeMounts()).filteredOn(m -> m.getName().equals("extensions"))
        .singleElement().satisfies(m -> {
          assertThat(m.getMountPath()).isEqualTo(JobRenderer.SUITE_DIR);
          assertThat(m.getReadOnly()).isTrue();
        });
  }

  @Test
  void aSuiteWithoutExtensionsGivesTheBrowserNoSuiteFiles() {
    PodSpec pod = renderer.shardJob(testRun("r", "u"), PLAN.shards().get(0), SUITE).getSpec().getTemplate().getSpec();
    assertThat(pod.getVolumes()).extracting(Volume::getName).doesNotContain("extensions");
    assertThat(pod.getInitContainers().get(0).getVolumeMounts()).extracting(VolumeMount::getName).containsExactly("browser-tmp");
  }

  @Test
  void longRunNamesAreShortenedWithAHashToStayWithin63Characters() {
    String name = "a".repeat(70);
    Job job = renderer.shardJob(testRun(name, "u"), PLAN.shards().get(2), SUITE);
    assertThat(job.getMetadata().getName()).hasSizeLessThanOrEqualTo(63).endsWith("-shard-2").startsWith("aaaa");
    assertThat(job.getMetadata().getLabels().get("shardrun.io/testrun")).hasSizeLessThanOrEqualTo(63);
    assertThat(job.getSpec().getTemplate().getMetadata().getAnnotations()).containsEntry("shardrun.io/testrun", name);
    assertThat(Names.shardJob(name, 2)).isNotEqualTo(Names.shardJob("a".repeat(69) + "b", 2));
  }

  private static Container executor(Job job) {
    return executor(job.getSpec().getTemplate().getSpec());
  }

  private static Container executor(PodSpec pod) {
    return pod.getContainers().stream().filter(c -> c.getName().equals("executor")).findFirst().orElseThrow();
  }

  @Test
  void shardsBeyondTheParallelismCapAreCreatedSuspended() {
    TestRun run = testRun("r", "u");
    run.getSpec().setParallelism(1);
    RenderedRun rendered = renderer.render(run, PLAN, SUITE);
    assertThat(rendered.jobs()).extracting(j -> j.getSpec().getSuspend()).containsExactly(null, true);
  }
}
