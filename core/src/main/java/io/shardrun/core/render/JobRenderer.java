package io.shardrun.core.render;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicy;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyBuilder;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.PlanCodec;
import io.shardrun.core.plan.PlannedShard;
import io.shardrun.core.suite.SuiteException;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.crd.v1alpha1.TestRunSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds what a TestRun becomes in the cluster: the plan ConfigMap and one Job per non-empty
 * shard. Pure: the same inputs give the same objects, for the operator and for render-jobs alike.
 */
public final class JobRenderer {
  public static final String PLAN_KEY = "plan.json";
  public static final String PLAN_DIR = "/etc/shardrun/plan";
  public static final String SUITE_DIR = "/etc/shardrun/suite";
  public static final String OUT_DIR = "/tmp/shardrun";
  public static final String EXECUTOR = "executor";
  public static final String BROWSER = "browser";
  /**
   * The executor's termination message file (Kubernetes' default path, policy File): the
   * executor writes why it ended with an error there, and the kubelet copies it into the pod's
   * status, {@code containerStatuses[name=executor].state.terminated.message}.
   */
  public static final String TERMINATION_LOG = "/dev/termination-log";
  /** Executor exit code for "tests failed": fails the Job at once, never retried. */
  public static final int EXIT_TESTS_FAILED = 1;
  public static final long USER_ID = 65532;
  /** On shard pods: the full name of their TestRun, for the operator to map a pod to its run. */
  public static final String TESTRUN_ANNOTATION = "shardrun.io/testrun";
  private static final String TOKEN_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

  private final Images images;

  public JobRenderer(Images images) {
    this.images = images;
  }

  /**
   * Everything for one run.
   *
   * @param suite the files of the suite ConfigMap {@code spec.suite.configMap}, for volume items
   */
  public RenderedRun render(TestRun run, Plan plan, SuiteFiles suite) {
    List<PlannedShard> shards = plan.jobShards();
    Integer parallelism = run.getSpec().getParallelism();
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < shards.size(); i++) {
      Job job = shardJob(run, shards.get(i), suite);
      if (parallelism != null && i >= parallelism) {
        job.getSpec().setSuspend(true); // released by the operator as earlier shards finish
      }
      jobs.add(job);
    }
    return new RenderedRun(planConfigMap(run, plan), jobs);
  }

  /** ConfigMap {@code NAME-plan} with the plan as {@code plan.json}. */
  public ConfigMap planConfigMap(TestRun run, Plan plan) {
    String json = PlanCodec.write(plan);
    if (json.getBytes(StandardCharsets.UTF_8).length > SuiteConfigMap.MAX_BYTES) {
      throw new SuiteException("the plan of " + plan.fileCount() + " files does not fit in a 1 MiB ConfigMap;"
          + " split the suite into several TestRuns");
    }
    return new ConfigMapBuilder()
        .withMetadata(metadata(run, Names.planConfigMap(run.getMetadata().getName()), Labels.forRun(run, "plan")))
        .withData(Map.of(PLAN_KEY, json))
        .build();
  }

  /**
   * ConfigMap {@code NAME-results}, empty: the operator adds each shard's final results document
   * (key {@code shard-I}, the annotation's value as published) as soon as it has read it.
   */
  public ConfigMap resultsConfigMap(TestRun run) {
    return new ConfigMapBuilder()
        .withMetadata(metadata(run, Names.resultsConfigMap(run.getMetadata().getName()), Labels.forRun(run, "results")))
        .build();
  }

  /** The key of shard {@code index}'s results in ConfigMap {@code NAME-results}. */
  public static String resultsKey(int index) {
    return "shard-" + index;
  }

  /** Job {@code NAME-shard-I}: the browser as a native sidecar and the executor, PSS restricted. */
  public Job shardJob(TestRun run, PlannedShard shard, SuiteFiles suite) {
    TestRunSpec spec = run.getSpec();
    Map<String, String> labels = Labels.forShard(run, shard.index());
    return new JobBuilder()
        .withMetadata(metadata(run, Names.shardJob(run.getMetadata().getName(), shard.index()), labels))
        .withNewSpec()
        .withCompletions(1)
        .withParallelism(1)
        .withBackoffLimit(spec.getRetries())
        .withActiveDeadlineSeconds(spec.getTimeoutSeconds())
        .withPodFailurePolicy(podFailurePolicy())
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels)
        .addToAnnotations(TESTRUN_ANNOTATION, run.getMetadata().getName()) // labels may be shortened; this never is
        .endMetadata()
        .withNewSpec()
        .withRestartPolicy("Never")
        .withServiceAccountName(spec.getExecutor().getServiceAccountName())
        .withAutomountServiceAccountToken(false)
        .withEnableServiceLinks(false)
        .withSecurityContext(podSecurityContext())
        .withInitContainers(browser(spec, hasExtensions(suite)))
        .withContainers(executor(run, shard.index()))
        .withVolumes(volumes(run, suite))
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  /**
   * Disruptions (eviction, preemption, node drain) are retried without counting; exit code 1
   * from the executor (tests failed) fails the Job at once; any other failure is infrastructure
   * and counts toward backoffLimit.
   */
  static PodFailurePolicy podFailurePolicy() {
    return new PodFailurePolicyBuilder()
        .addNewRule()
        .withAction("Ignore")
        .addNewOnPodCondition().withType("DisruptionTarget").withStatus("True").endOnPodCondition()
        .endRule()
        .addNewRule()
        .withAction("FailJob")
        .withNewOnExitCodes().withContainerName(EXECUTOR).withOperator("In").withValues(EXIT_TESTS_FAILED).endOnExitCodes()
        .endRule()
        .build();
  }

  private Container browser(TestRunSpec spec, boolean extensions) {
    int port = spec.getBrowser().getPort();
    return new ContainerBuilder()
        .withName(BROWSER)
        .withImage(or(spec.getBrowser().getImage(), images.browser()))
        .withRestartPolicy("Always") // a native sidecar: starts first, stops after the executor
        .withEnv(env("PORT", Integer.toString(port)), env("HOME", "/tmp"))
        .addNewPort().withName("webdriver").withContainerPort(port).endPort()
        // No kubelet probe: chromedriver accepts loopback connections only, and a probe comes
        // from the node. The executor waits for /status on 127.0.0.1 before its first file.
        .withResources(or(spec.getBrowser().getResources(), resources("500m", "1Gi", "2Gi")))
        .withSecurityContext(containerSecurityContext())
        .withVolumeMounts(browserMounts(extensions))
        .build();
  }

  /**
   * The browser's scratch space and, for a suite with extensions, their files at the path the
   * executor names in Chromium's --load-extension flag: the suite's own path, holding nothing else.
   */
  private static List<VolumeMount> browserMounts(boolean extensions) {
    List<VolumeMount> mounts = new ArrayList<>(List.of(mount("browser-tmp", "/tmp", false)));
    if (extensions) {
      mounts.add(mount("extensions", SUITE_DIR, true));
    }
    return mounts;
  }

  private static boolean hasExtensions(SuiteFiles suite) {
    return suite.files().stream().anyMatch(f -> f.path().startsWith(SuiteFiles.EXTENSIONS_DIR));
  }

  private Container executor(TestRun run, int shard) {
    TestRunSpec spec = run.getSpec();
    List<EnvVar> env = new ArrayList<>();
    env.add(fieldRef("POD_NAME", "metadata.name"));
    env.add(fieldRef("POD_NAMESPACE", "metadata.namespace"));
    env.add(env("SHARDRUN_TESTRUN", run.getMetadata().getName()));
    env.add(env("HOME", "/tmp"));
    env.addAll(spec.getEnv());
    return new ContainerBuilder()
        .withName(EXECUTOR)
        .withImage(or(spec.getExecutor().getImage(), images.executor()))
        .withArgs(executorArgs(spec, shard))
        .withEnv(env)
        .withTerminationMessagePath(TERMINATION_LOG)
        // File, never FallbackToLogsOnError: the message is the executor's error line, not the tail of its log.
        .withTerminationMessagePolicy("File")
        .withResources(or(spec.getExecutor().getResources(), resources("100m", "256Mi", "512Mi")))
        .withSecurityContext(containerSecurityContext())
        .withVolumeMounts(
            mount("plan", PLAN_DIR, true),
            mount("suite", SUITE_DIR, true),
            mount("executor-tmp", "/tmp", false),
            mount("api-token", TOKEN_DIR, true))
        .build();
  }

  private static List<String> executorArgs(TestRunSpec spec, int shard) {
    List<String> args = new ArrayList<>(List.of("execute",
        "--plan", PLAN_DIR + "/" + PLAN_KEY,
        "--shard", Integer.toString(shard),
        "--suite", SUITE_DIR,
        "--webdriver-url", "http://127.0.0.1:" + spec.getBrowser().getPort(),
        "--out", OUT_DIR));
    List<String> variables = spec.getEnv().stream().map(EnvVar::getName).distinct().toList();
    if (!variables.isEmpty()) {
      // The action files' variables are spec.env alone, not the rest of the pod's environment.
      // One argument with "=": a name may start with "-" and must never read as an option.
      // SpecValidator refuses a name with a comma.
      args.add("--variables=" + String.join(",", variables));
    }
    if (spec.getExecutor().getIsolation() != null) {
      args.add("--isolation=" + spec.getExecutor().getIsolation().wireName());
    }
    if (spec.failsFast()) {
      args.add("--fail-fast");
    }
    if (spec.startsTogether()) {
      args.add("--start-together");
    }
    return args;
  }

  private static List<Volume> volumes(TestRun run, SuiteFiles suite) {
    List<KeyToPath> items = suite.files().stream()
        .map(f -> new KeyToPath(f.key(), null, f.path()))
        .toList();
    List<Volume> volumes = new ArrayList<>(List.of(
        new VolumeBuilder().withName("plan").withNewConfigMap()
            .withName(Names.planConfigMap(run.getMetadata().getName())).withDefaultMode(0444).endConfigMap().build(),
        new VolumeBuilder().withName("suite").withNewConfigMap()
            .withName(run.getSpec().getSuite().getConfigMap()).withItems(items).withDefaultMode(0444).endConfigMap().build(),
        new VolumeBuilder().withName("executor-tmp").withNewEmptyDir().withSizeLimit(new Quantity("1Gi")).endEmptyDir().build(),
        new VolumeBuilder().withName("browser-tmp").withNewEmptyDir().withSizeLimit(new Quantity("1Gi")).endEmptyDir().build(),
        // The API token goes to the executor alone (it patches its pod's annotation); the
        // browser, which runs untrusted pages, never sees it.
        new VolumeBuilder().withName("api-token").withNewProjected().withDefaultMode(0444)
            .addNewSource().withNewServiceAccountToken().withPath("token").withExpirationSeconds(3607L).endServiceAccountToken().endSource()
            .addNewSource().withNewConfigMap().withName("kube-root-ca.crt").addNewItem().withKey("ca.crt").withPath("ca.crt").endItem().endConfigMap().endSource()
            .addNewSource().withNewDownwardAPI().addNewItem().withPath("namespace").withNewFieldRef().withFieldPath("metadata.namespace").endFieldRef().endItem().endDownwardAPI().endSource()
            .endProjected().build()));
    if (hasExtensions(suite)) {
      // The browser reads the extensions' files only, not the action files.
      volumes.add(new VolumeBuilder().withName("extensions").withNewConfigMap()
          .withName(run.getSpec().getSuite().getConfigMap())
          .withItems(items.stream().filter(i -> i.getPath().startsWith(SuiteFiles.EXTENSIONS_DIR)).toList())
          .withDefaultMode(0444).endConfigMap().build());
    }
    return volumes;
  }

  private static ObjectMeta metadata(TestRun run, String name, Map<String, String> labels) {
    ObjectMetaBuilder meta = new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(run.getMetadata().getNamespace())
        .withLabels(labels);
    if (run.getMetadata().getUid() != null) {
      meta.withOwnerReferences(ownerReference(run));
    }
    return meta.build();
  }

  /** Makes the TestRun own an object: deleting the run deletes it. */
  public static OwnerReference ownerReference(TestRun run) {
    return new OwnerReferenceBuilder()
        .withApiVersion(TestRun.API_VERSION)
        .withKind(TestRun.KIND)
        .withName(run.getMetadata().getName())
        .withUid(run.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }

  /** Pod Security Standard "restricted" at pod level. */
  static PodSecurityContext podSecurityContext() {
    return new PodSecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withRunAsUser(USER_ID)
        .withRunAsGroup(USER_ID)
        .withFsGroup(USER_ID)
        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
        .build();
  }

  /** Pod Security Standard "restricted" at container level, plus a read-only root filesystem. */
  static SecurityContext containerSecurityContext() {
    return new SecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withNewCapabilities().withDrop("ALL").endCapabilities()
        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
        .build();
  }

  private static ResourceRequirements resources(String cpu, String memoryRequest, String memoryLimit) {
    return new ResourceRequirementsBuilder()
        .addToRequests("cpu", new Quantity(cpu))
        .addToRequests("memory", new Quantity(memoryRequest))
        .addToLimits("memory", new Quantity(memoryLimit))
        .build();
  }

  private static VolumeMount mount(String volume, String path, boolean readOnly) {
    return new VolumeMountBuilder().withName(volume).withMountPath(path).withReadOnly(readOnly).build();
  }

  private static EnvVar env(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }

  private static EnvVar fieldRef(String name, String path) {
    return new EnvVarBuilder().withName(name).withNewValueFrom().withNewFieldRef().withFieldPath(path).endFieldRef().endValueFrom().build();
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
