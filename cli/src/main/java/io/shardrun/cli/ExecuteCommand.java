package io.shardrun.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.shardrun.cli.local.LocalReports;
import io.shardrun.cli.local.RunPhase;
import io.shardrun.cli.local.Summary;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.PlanCodec;
import io.shardrun.core.plan.PlannedFile;
import io.shardrun.core.render.JobRenderer;
import io.shardrun.core.results.FailFastStop;
import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.StartTogether;
import io.shardrun.core.results.ShardState;
import io.shardrun.core.suite.Suite;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteParser;
import io.shardrun.core.variant.VariantIds;
import io.shardrun.crd.v1alpha1.Sharding;
import io.shardrun.executor.assignment.AssignmentException;
import io.shardrun.executor.assignment.AssignmentWait;
import io.shardrun.executor.assignment.PodAssignmentReader;
import io.shardrun.executor.assignment.PodAnnotationReader;
import io.shardrun.executor.browser.BrowserUnavailableException;
import io.shardrun.crd.v1alpha1.Isolation;
import io.shardrun.executor.browser.ChromeArgs;
import io.shardrun.executor.browser.ContextSessions;
import io.shardrun.executor.browser.ExtensionsFolder;
import io.shardrun.executor.browser.RemoteSessions;
import io.shardrun.executor.browser.WebDriverStatus;
import io.shardrun.executor.event.PodEventBus;
import io.shardrun.executor.publish.DebouncedPublisher;
import io.shardrun.executor.publish.OwnPodAnnotations;
import io.shardrun.executor.publish.PodAnnotationPublisher;
import io.shardrun.executor.publish.PublishException;
import io.shardrun.executor.publish.ShardProgress;
import io.shardrun.executor.publish.TerminationMessage;
import io.shardrun.executor.run.DynamicShard;
import io.shardrun.executor.run.FailFast;
import io.shardrun.executor.run.FileRunner;
import io.shardrun.executor.run.RunLimits;
import io.shardrun.executor.run.ShardRunner;
import io.shardrun.executor.run.StartWait;
import java.time.Clock;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.openqa.selenium.chrome.ChromeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shardrun execute}: what a shard pod runs. Runs the shard's files in plan order against
 * the browser sidecar, or for a dynamic plan the batches the operator assigns to the pod, and
 * publishes the results document into the pod's own annotation after each file (at most every
 * 2 s), at a dynamic shard's ask for its next batch, and at the end. Exit codes match the Job's pod failure policy:
 * 0 passed, 1 tests failed (the Job fails at once), 2 infrastructure (the pod is retried). An
 * error also goes into the container's termination message, for the operator to show.
 */
@Command(name = "execute", description = "Run one shard of a plan in a pod and publish its results in the"
    + " pod's shardrun.io/result annotation. Exit 0 passed, 1 tests failed, 2 infrastructure error; an error that"
    + " ends the shard is also written to the container's termination message (--termination-log).")
final class ExecuteCommand implements Callable<Integer> {
  static final Duration PUBLISH_INTERVAL = Duration.ofSeconds(2);
  /** How often a dynamic shard reads its pod while it waits for a batch. */
  static final Duration ASSIGNMENT_POLL = Duration.ofSeconds(1);

  @Spec CommandSpec spec;

  @Option(names = "--plan", required = true, paramLabel = "FILE", description = "The plan (plan.json from the plan ConfigMap).")
  Path planFile;

  @Option(names = "--shard", required = true, paramLabel = "I", description = "Which shard of the plan to run.")
  int shard;

  @Option(names = "--suite", required = true, paramLabel = "DIR", description = "The suite folder (the mounted suite ConfigMap).")
  Path suiteDir;

  @Option(names = "--webdriver-url", required = true, paramLabel = "URL", description = "The browser sidecar, e.g. http://127.0.0.1:9515.")
  URI webDriverUrl;

  @Option(names = "--webdriver-wait", paramLabel = "SECONDS",
      description = "How long to wait for the WebDriver server to answer GET /status before the first file. Default: 60.")
  long webDriverWait = 60;

  @Option(names = "--assignment-wait", paramLabel = "SECONDS",
      description = "A dynamic shard: how long to wait for each batch from the operator (the pod's shardrun.io/assignment"
          + " annotation) before giving up. Default: 300.")
  long assignmentWait = 300;

  @Option(names = "--out", paramLabel = "DIR", description = "Where reports and screenshots go. Default: /tmp/shardrun.")
  Path out = Path.of("/tmp/shardrun");

  @Option(names = "--pod-name", paramLabel = "NAME", defaultValue = "${env:POD_NAME}",
      description = "This pod's name. Default: $POD_NAME (the downward API).")
  String podName;

  @Option(names = "--pod-namespace", paramLabel = "NAMESPACE", defaultValue = "${env:POD_NAMESPACE}",
      description = "This pod's namespace. Default: $POD_NAMESPACE.")
  String podNamespace;

  @Option(names = "--wait", paramLabel = "SECONDS", description = "How long a step waits for its element by default. Default: 10.")
  long waitSeconds = 10;

  @Option(names = "--file-timeout", paramLabel = "SECONDS", description = "Limit per file without meta.timeout_s. Default: 300.")
  long fileTimeout = RunLimits.DEFAULT_FILE_TIMEOUT.toSeconds();

  @Option(names = "--variables", split = ",", paramLabel = "NAME",
      description = "The environment variables the action files see as $${NAME} (the TestRun's spec.env names), comma-separated;"
          + " their values are masked in messages. No other variable of the pod's environment is visible to the files."
          + " A listed name the environment does not set stays undefined.")
  List<String> variableNames = List.of();

  @Option(names = "--isolation", paramLabel = "context|session", converter = IsolationFlag.class, defaultValue = "context",
      description = IsolationFlag.DESCRIPTION)
  Isolation isolation;

  @Option(names = "--fail-fast", description = "Stop at the run's first failed or errored file (spec.failFast): this"
      + " shard's, or another shard's the operator writes to this pod's annotation " + FailFastStop.ANNOTATION + "; the"
      + " files not started end skipped (fail-fast).")
  boolean failFast;

  @Option(names = "--start-together", description = "Once the browser is up and this shard said so, wait for the time"
      + " every shard starts at (spec.startTogether), which the operator writes to this pod's annotation "
      + StartTogether.ANNOTATION + ".")
  boolean startTogether;

  @Option(names = "--termination-log", paramLabel = "FILE",
      description = "Where an error that ends the shard is also written, on one line, when the file exists: the container's"
          + " termination message. Default: " + JobRenderer.TERMINATION_LOG + ".")
  Path terminationLog = Path.of(JobRenderer.TERMINATION_LOG);

  @Override
  public Integer call() throws Exception {
    try {
      return execute();
    } catch (Exception e) {
      writeTerminationMessage(ErrorMessages.of(e));
      throw e;
    }
  }

  private int execute() throws Exception {
    if (podName == null || podName.isBlank() || podNamespace == null || podNamespace.isBlank()) {
      throw new CliException("POD_NAME and POD_NAMESPACE must be set (the shard Job sets them from the downward API),"
          + " or pass --pod-name and --pod-namespace");
    }
    if (!HttpUrls.isAbsolute(webDriverUrl.toString())) {
      throw new CliException("--webdriver-url must be an absolute http(s) URL such as http://127.0.0.1:9515, found '" + webDriverUrl + "'");
    }
    if (webDriverWait < 0 || waitSeconds < 0) {
      throw new CliException("--webdriver-wait and --wait must be 0 or more seconds, found " + webDriverWait + " and " + waitSeconds);
    }
    if (assignmentWait < 1) {
      throw new CliException("--assignment-wait must be at least 1 second, found " + assignmentWait);
    }
    if (fileTimeout < 1) {
      throw new CliException("--file-timeout must be at least 1 second, found " + fileTimeout);
    }
    Plan plan = PlanCodec.read(RunInputs.read(planFile, "plan"), planFile.toString());
    if (shard < 0 || shard >= plan.shards().size()) {
      throw new CliException("--shard " + shard + " is not in the plan, which has shards 0 to " + (plan.shards().size() - 1));
    }
    boolean dynamic = plan.sharding() == Sharding.DYNAMIC;
    Suite suite = SuiteParser.parse(SuiteFiles.fromDirectory(suiteDir)).orThrow();
    // A dynamic shard may be given any of the plan's units.
    List<String> files = dynamic
        ? plan.units().stream().flatMap(u -> u.files().stream()).map(PlannedFile::path).toList()
        : plan.shards().get(shard).paths();
    for (String file : files) {
      if (!suite.files().containsKey(VariantIds.path(file))) {
        throw new CliException("the plan's file " + file + " is not in the suite at " + suiteDir + "; plan and suite do not match");
      }
      try {
        plan.variantsOrNone().variantOf(file);
      } catch (IllegalArgumentException e) {
        throw new CliException("the plan's file " + e.getMessage() + "; the plan is inconsistent");
      }
    }
    awaitBrowser();
    Instant started = Instant.now();
    RunLimits limits = new RunLimits(Duration.ofSeconds(waitSeconds), Duration.ofSeconds(fileTimeout), null, started);
    ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(ClusterAccess.found()).build()) {
      PodAnnotationPublisher ownPod = new PodAnnotationPublisher(client, podNamespace, podName);
      RemoteSessions browsers = new RemoteSessions(webDriverUrl.toURL(), () -> new ChromeOptions().addArguments(ChromeArgs.headless(null, false)))
          .withExtensionsIn(ExtensionsFolder.of(suiteDir, suite));
      try (DebouncedPublisher publisher = new DebouncedPublisher(ownPod, PUBLISH_INTERVAL, this::warn);
          ContextSessions sessions = new ContextSessions(browsers, browsers.withBiDi(), isolation, this::warn)) {
        ShardProgress progress = dynamic ? ShardProgress.dynamic(shard, started, publisher)
            : ShardProgress.planned(shard, files.size(), started, publisher);
        // Before any file: a pod the executor cannot write to stops the shard now, not after its
        // last file, when its results could no longer be delivered.
        ownPod.publish(progress.document(ShardState.RUNNING));
        if (startTogether) { // that document said this shard is ready: the others may be not yet
          spec.commandLine().getOut().println("waiting for every shard to be ready (startTogether)");
          Instant at = new StartWait(ownAnnotation(client, StartTogether.ANNOTATION), Clock.systemUTC()).await();
          spec.commandLine().getOut().println("started together at " + at);
        }
        PodEventBus events = new PodEventBus(ownAnnotations(client), progress::published);
        FileRunner runner = new FileRunner(sessions, variables(System.getenv()), limits, out.resolve(Integer.toString(shard)), watchdog,
            events);
        FailFast stops = failFast ? FailFast.on(ownAnnotation(client, FailFastStop.ANNOTATION)) : FailFast.off();
        ShardRunner shardRunner = new ShardRunner(suite, runner, limits, plan.variantsOrNone(), stops, progress::finished);
        List<FileRun> runs = dynamic ? dynamicShard(client, plan, shardRunner, progress).run(shard) : shardRunner.run(shard, files);
        publisher.finish(progress.document(ShardState.DONE));
        LocalReports.write(out, new LocalReports.RunResults("shard-" + shard, RunPhase.of(runs, true), started.toString(),
            Instant.now().toString(), List.of(), runs), out.resolve("junit.xml"), null, null);
        spec.commandLine().getOut().print(Summary.render(runs));
        spec.commandLine().getOut().flush();
        return ExitCodes.of(runs);
      }
    } catch (PublishException | AssignmentException e) {
      throw new CliException(e.getMessage(), ExitCodes.USAGE_OR_INFRASTRUCTURE);
    } finally {
      watchdog.shutdownNow();
    }
  }

  private OwnPodAnnotations ownAnnotations(KubernetesClient client) {
    return new OwnPodAnnotations(client, podNamespace, podName);
  }

  private PodAnnotationReader ownAnnotation(KubernetesClient client, String annotation) {
    return new PodAnnotationReader(ownAnnotations(client), annotation, this::warn);
  }

  private DynamicShard dynamicShard(KubernetesClient client, Plan plan, ShardRunner runner, ShardProgress progress) {
    AssignmentWait assignments = new AssignmentWait(new PodAssignmentReader(ownAnnotations(client)), ASSIGNMENT_POLL,
        Duration.ofSeconds(assignmentWait), this::warn);
    return new DynamicShard(plan.units(), runner, assignments, progress);
  }

  /** Only the listed names: the rest of the pod's environment (HOME, HOSTNAME, ...) would be masked wherever it appears. */
  private Map<String, String> variables(Map<String, String> environment) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (String name : variableNames) {
      if (environment.containsKey(name)) {
        variables.put(name, environment.get(name));
      }
    }
    return variables;
  }

  private void warn(String warning) {
    spec.commandLine().getErr().println("warning: " + warning);
  }

  private void writeTerminationMessage(String message) {
    try {
      TerminationMessage.write(terminationLog, message);
    } catch (IOException e) {
      warn("cannot write the termination message to " + terminationLog + ": " + e.getMessage());
    }
  }

  /**
   * The sidecar listens on loopback only, where no kubelet probe reaches it, so the executor is
   * the one to wait for it to start.
   */
  private void awaitBrowser() throws MalformedURLException {
    try {
      new WebDriverStatus(webDriverUrl.toURL()).await("the browser sidecar", Duration.ofSeconds(webDriverWait), () -> {});
    } catch (BrowserUnavailableException e) {
      throw new CliException(e.getMessage(), ExitCodes.USAGE_OR_INFRASTRUCTURE);
    }
  }
}
