package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shardrun.core.plan.Assignment;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.PlanCodec;
import io.shardrun.core.plan.PlannedFile;
import io.shardrun.core.render.Images;
import io.shardrun.core.render.Labels;
import io.shardrun.core.render.SuiteConfigMap;
import io.shardrun.core.results.FileResult;
import io.shardrun.core.results.ResultsCodec;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.crd.v1alpha1.BatchMode;
import io.shardrun.crd.v1alpha1.BatchSpec;
import io.shardrun.crd.v1alpha1.Phase;
import io.shardrun.crd.v1alpha1.RetriedFile;
import io.shardrun.crd.v1alpha1.Sharding;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.executor.browser.BrowserTools;
import io.shardrun.executor.browser.LocalChromedriver;
import io.shardrun.executor.site.StaticSite;
import io.shardrun.operator.ShardrunOperator;
import io.shardrun.operator.cluster.ApiServer;
import io.shardrun.operator.cluster.JobControllerPlay;
import io.shardrun.operator.decide.Action;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dynamic TestRun end to end on the mock API server, with the real executor: shard pods start
 * 0, 5 and 20 s apart, the first pod is deleted after its first file, while it holds more work
 * (its Job replaces it after the recorded 10 s backoff), and the operator is restarted then.
 * Every file runs to completion and is counted once, the lost pod's files show their attempts, and
 * the API writes the run cost are counted. Then the same suite with the same starts runs
 * undisturbed, dynamic and static {@code balanced}, for their wall times (docs/benchmarks.md).
 */
class OperatorDynamicEndToEndTest {
  static final String NS = "dyn";
  static final String OPERATOR_AGENT = "shardrun-operator-under-test";
  static final List<Duration> STARTS = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(20));
  /** What the Job controller waited before a deleted pod's replacement in the recordings (d-pod-deleted). */
  static final Duration REPLACEMENT_BACKOFF = Duration.ofSeconds(10);
  @RegisterExtension static final ApiServer API = new ApiServer();
  KubernetesClient client = API.client();
  @TempDir Path dir;
  KubernetesClient operatorClient;
  Operator operator;

  @Test
  void podsStartingApartTakeWorkAsTheyComeAndALostPodsWorkRunsAgain() throws Exception {
    client.apiextensions().v1().customResourceDefinitions().load(Path.of("../crd/testruns.shardrun.io-v1.yml").toFile()).create();
    client.resource(SuiteConfigMap.build("demo-suite", NS, SuiteFiles.fromDirectory(Path.of("../examples/suite")))).create();
    operatorClient = new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(
        new io.fabric8.kubernetes.client.ConfigBuilder(client.getConfiguration()).withUserAgent(OPERATOR_AGENT).build()).build();
    operator = startOperator();
    try (StaticSite site = StaticSite.serve(Path.of("../examples/site"));
        LocalChromedriver browser = LocalChromedriver.start(BrowserTools.resolve(null, null), true)) {
      Played dynamic = play("dynamic", Sharding.DYNAMIC, true, site, browser);
      TestRun done = dynamic.run();
      assertThat(done.getStatus().getSummary().getFiles()).isEqualTo(dynamic.plan().fileCount());
      assertThat(done.getStatus().getSummary().getPassed()).as("every file counted once").isEqualTo(dynamic.plan().fileCount());
      assertThat(done.getStatus().getRetriedFiles()).as("the lost pod's unfinished work, given to a second pod")
          .extracting(RetriedFile::getFile).contains(dynamic.interrupted());
      assertThat(done.getStatus().getRetriedFiles()).allSatisfy(r -> assertThat(r.getAttempts()).isEqualTo(2));
      System.out.printf("dynamic run of %d units on 3 shards: API writes %s%n", dynamic.plan().units().size(), dynamic.writes());
      assertThat(dynamic.writes().getOrDefault("assignments", 0)).as("assignment writes: a batch each, and a done per pod")
          .isLessThanOrEqualTo(dynamic.plan().units().size() + 2 * (STARTS.size() + 1));


      // The wall time against a static plan: both undisturbed, with the same starts, each planned from the runs before.
      Played undisturbed = play("dynamic-undisturbed", Sharding.DYNAMIC, false, site, browser);
      Played balanced = play("balanced", Sharding.BALANCED, false, site, browser);
      assertThat(List.of(undisturbed, balanced)).allSatisfy(p -> assertThat(p.run().getStatus().getSummary().getPassed())
          .isEqualTo(dynamic.plan().fileCount()));
      System.out.printf("wall time, pods starting at %s s: dynamic %.1f s (%d shards retired unused; %.1f s with its first pod lost),"
          + " static balanced %.1f s; dynamic / balanced %.2f%n", STARTS.stream().map(Duration::toSeconds).toList(),
          undisturbed.wallMs() / 1000.0, retired(undisturbed), dynamic.wallMs() / 1000.0, balanced.wallMs() / 1000.0,
          (double) undisturbed.wallMs() / balanced.wallMs());
    } finally {
      operator.stop();
      operatorClient.close();
    }
  }

  /**
   * A run as it went: its final state, its plan, the first file the lost pod had not finished,
   * the wall time from its first pod's start to its final status, and the pod writes after its
   * Jobs existed.
   */
  record Played(TestRun run, Plan plan, String interrupted, long wallMs, Map<String, Integer> writes) {}

  /**
   * Runs the example suite's home and auth files with {@code sharding} on 3 shards, each shard's
   * pod starting at its time in {@link #STARTS}. When {@code disrupted}, the first pod is deleted
   * once it has finished a file and holds one it has not, and the operator restarts once its
   * replacement runs.
   */
  private Played play(String name, Sharding sharding, boolean disrupted, StaticSite site, LocalChromedriver browser)
      throws Exception {
    TestRun run = io.shardrun.core.run.Manifests.read(Files.readString(Path.of("../examples/testrun.yaml")), "testrun.yaml").testRuns().get(0);
    run.getMetadata().setName(name);
    run.getMetadata().setNamespace(NS);
    run.getSpec().getEnv().get(0).setValue(site.baseUrl());
    run.getSpec().getSelector().setInclude(List.of("^(home|auth)/"));
    run.getSpec().setShards(STARTS.size());
    run.getSpec().setSharding(sharding);
    if (sharding == Sharding.DYNAMIC) {
      BatchSpec oneAtATime = new BatchSpec();
      oneAtATime.setMode(BatchMode.OFF);
      run.getSpec().setBatch(oneAtATime);
    }
    client.resource(run).create();
    await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(() -> jobs(name).size() == STARTS.size());
    Plan plan = PlanCodec.read(client.configMaps().inNamespace(NS).withName(name + "-plan").get().getData().get("plan.json"), "plan");
    List<Job> jobs = jobs(name);
    writes(); // from here on

    ExecutorKubelet executors = new ExecutorKubelet(client, NS, dir);
    JobControllerPlay play = new JobControllerPlay(client, Duration.ofMillis(200));
    CompletableFuture<String> interrupted = new CompletableFuture<>();
    CompletableFuture<Void> replaced = new CompletableFuture<>();
    ExecutorService kubelets = Executors.newFixedThreadPool(jobs.size());
    long begin = System.nanoTime();
    TestRun done;
    long wallMs;
    try {
      List<Future<?>> shards = new ArrayList<>();
      for (int i = 0; i < jobs.size(); i++) {
        Job job = jobs.get(i);
        Duration start = STARTS.get(i);
        boolean lost = disrupted && i == 0;
        shards.add(kubelets.submit(() -> {
          try {
            Thread.sleep(start.toMillis());
            if (suspended(job)) {
              return null; // retired before its pod came: the Job controller makes none for a suspended Job
            }
            Pod pod = play.startPod(job);
            Process executor = executors.startExecutor(job, pod, browser);
            if (lost) {
              Pod first = pod;
              await().atMost(Duration.ofSeconds(120)).until(() -> work(first, plan).midWay());
              executor.destroyForcibly().waitFor();
              interrupted.complete(work(first, plan).unfinished().get(0));
              pod = play.delete(pod, REPLACEMENT_BACKOFF);
              executor = executors.startExecutor(job, pod, browser);
              replaced.complete(null);
            }
            Process running = executor;
            await().atMost(Duration.ofSeconds(180)).until(() -> !running.isAlive() || suspended(job));
            if (executor.isAlive()) { // retired while its executor started up
              executor.destroy();
              play.suspended(pod);
              return null;
            }
            String said = Files.readString(executors.terminationLog(pod));
            play.exit(pod, executor.exitValue(), said.isEmpty() ? null : said, Duration.ofSeconds(1));
            return null;
          } catch (Exception | AssertionError e) {
            replaced.completeExceptionally(e); // not to wait for what will not come
            throw e;
          }
        }));
      }
      if (disrupted) {
        replaced.get(150, TimeUnit.SECONDS);
        operator.stop(); // and the operator restarts while the run goes on
        operator = startOperator();
      }
      done = await().pollInterval(Duration.ofMillis(100)).atMost(Duration.ofSeconds(240))
          .until(() -> client.resources(TestRun.class).inNamespace(NS).withName(name).get(),
              r -> r.getStatus() != null && r.getStatus().getPhase() != null && r.getStatus().getPhase().isFinal());
      wallMs = (System.nanoTime() - begin) / 1_000_000;
      for (Future<?> shard : shards) {
        shard.get(300, TimeUnit.SECONDS); // a late pod may still be ending
      }
    } finally {
      kubelets.shutdownNow();
    }
    assertThat(done.getStatus().getPhase()).as(String.valueOf(done.getStatus().getShards())).isEqualTo(Phase.Succeeded);
    return new Played(done, plan, interrupted.getNow(null), wallMs, writes());
  }

  private static long retired(Played played) {
    return played.run().getStatus().getShards().stream().filter(sh -> Action.Retire.WHY.equals(sh.getMessage())).count();
  }

  private boolean suspended(Job job) {
    return Boolean.TRUE.equals(client.resource(job).get().getSpec().getSuspend());
  }

  private Operator startOperator() {
    return ShardrunOperator.start(operatorClient, Images.defaults(), Set.of(), null, Clock.systemUTC(), new SimpleMeterRegistry());
  }

  private List<Job> jobs(String run) {
    return client.batch().v1().jobs().inNamespace(NS).withLabel("shardrun.io/testrun", run).list().getItems().stream()
        .sorted(Comparator.comparing((Job j) -> j.getMetadata().getName())).toList();
  }

  /** What a pod was given (its assignment in a dynamic run, its shard's files in a static one), in order, and has finished. */
  record Work(List<String> held, Set<String> finished) {
    List<String> unfinished() {
      return held.stream().filter(f -> !finished.contains(f)).toList();
    }

    /** It finished a file and holds one it has not. */
    boolean midWay() {
      return !finished.isEmpty() && !unfinished().isEmpty();
    }
  }

  private Work work(Pod pod, Plan plan) {
    Pod now = client.pods().inNamespace(NS).withName(pod.getMetadata().getName()).get();
    Map<String, String> annotations = now.getMetadata().getAnnotations() == null ? Map.of() : now.getMetadata().getAnnotations();
    String assignment = annotations.get(Assignment.ANNOTATION);
    List<String> held = plan.sharding() != Sharding.DYNAMIC
        ? plan.shards().get(Integer.parseInt(now.getMetadata().getLabels().get(Labels.SHARD))).paths()
        : assignment == null ? List.of()
        : Assignment.read(assignment, "pod").batches().stream().flatMap(List::stream)
            .flatMap(id -> plan.units().get(id).files().stream().map(PlannedFile::path)).toList();
    String results = annotations.get(ResultsCodec.ANNOTATION);
    return new Work(held, results == null ? Set.of()
        : ResultsCodec.decode(results, held, "pod").files().stream().map(FileResult::file).collect(Collectors.toSet()));
  }

  /**
   * The pod writes since the last call: the operator's (assignments), and the executors' (their
   * results and asks); the Job controller's and kubelet's status writes are not counted.
   */
  private static Map<String, Integer> writes() throws InterruptedException {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    for (RecordedRequest request; (request = API.server().takeRequest(1, TimeUnit.MILLISECONDS)) != null; ) {
      if ("PATCH".equals(request.getMethod()) && request.getPath().matches(".*/pods/[^/]+")) {
        counts.merge(OPERATOR_AGENT.equals(request.getHeader("User-Agent")) ? "assignments" : "results", 1, Integer::sum);
      }
    }
    return counts;
  }
}
