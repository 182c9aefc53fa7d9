package io.shardrun.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.javaoperatorsdk.operator.Operator;
import io.shardrun.operator.cluster.ApiServer;
import io.shardrun.operator.cluster.JobControllerPlay;
import io.shardrun.operator.recorded.RecordedJobController;
import io.shardrun.operator.recorded.RecordedLifecycle;
import io.shardrun.core.history.History;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.PlanCodec;
import io.shardrun.core.plan.PlannedFile;
import io.shardrun.core.render.Images;
import io.shardrun.core.render.JobRenderer;
import io.shardrun.core.render.RenderedRun;
import io.shardrun.core.render.SuiteConfigMap;
import io.shardrun.core.results.FileResult;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.results.ResultsCodec;
import io.shardrun.core.results.ResultsDocument;
import io.shardrun.core.results.ShardCounts;
import io.shardrun.core.results.ShardState;
import io.shardrun.core.run.Manifests;
import io.shardrun.core.run.RunPlanner;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteParser;
import io.shardrun.crd.v1alpha1.Phase;
import io.shardrun.crd.v1alpha1.TestRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator against the Fabric8 mock API server (CRUD mode, corrected to refuse stale status
 * writes as a real API server does), with its production configuration. Every API request it
 * makes is also checked against the RBAC rules the Helm chart grants it.
 */
class TestRunReconcilerTest {
  /** Tells the operator's requests from the test's own. */
  static final String OPERATOR_AGENT = "shardrun-operator-under-test";
  @RegisterExtension static final ApiServer API = new ApiServer();
  KubernetesClient client = API.client();
  static final java.util.Set<ChartOperatorRules.Access> operatorRequests = new java.util.TreeSet<>(
      java.util.Comparator.comparing(ChartOperatorRules.Access::toString));
  /** Not the defaults: the operator must render with the images it is given. */
  static final Images IMAGES = new Images("mirror.test/shardrun:1", "mirror.test/shardrun-browser:1");
  static int tests;
  String NS;
  Operator operator;
  KubernetesClient operatorClient;
  SuiteFiles suite;
  io.micrometer.core.instrument.simple.SimpleMeterRegistry metrics = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();

  @BeforeEach
  void start() throws Exception {
    NS = "qa" + (++tests); // one mock API server for the class: a namespace per test keeps them apart
    client.apiextensions().v1().customResourceDefinitions().load(Path.of("../crd/testruns.shardrun.io-v1.yml").toFile()).createOr(c -> c.update());
    suite = SuiteFiles.fromDirectory(Path.of("../examples/suite"));
    operatorClient = new KubernetesClientBuilder()
        .withConfig(new ConfigBuilder(client.getConfiguration()).withUserAgent(OPERATOR_AGENT).build()).build();
    startOperator();
  }

  void startOperator() {
    operator = ShardrunOperator.start(operatorClient, IMAGES, Set.of(), null, Clock.systemUTC(), metrics);
  }

  @AfterEach
  void stop() throws InterruptedException {
    operator.stop();
    operatorClient.close();
    operatorRequests();
  }

  /** "METHOD path" of each request the operator made since the last call; each is also checked against the chart's RBAC. */
  static List<String> operatorRequests() throws InterruptedException {
    List<String> made = new java.util.ArrayList<>();
    for (RecordedRequest request; (request = API.server().takeRequest(1, TimeUnit.MILLISECONDS)) != null; ) {
      if (OPERATOR_AGENT.equals(request.getHeader("User-Agent"))) {
        ChartOperatorRules.Access.of(request.getMethod(), request.getPath()).ifPresent(operatorRequests::add);
        made.add(request.getMethod() + " " + request.getPath());
      }
    }
    return made;
  }

  @AfterAll
  static void everyRequestTheOperatorMadeIsAllowedByTheChartsRbac() throws Exception {
    List<ChartOperatorRules.Rule> rules = ChartOperatorRules.rules();
    assertThat(operatorRequests).as("the operator's requests in these tests").isNotEmpty();
    assertThat(operatorRequests).as("requests the chart's RBAC (charts/shardrun/templates/_helpers.tpl) would forbid")
        .allSatisfy(access -> assertThat(rules).anyMatch(rule -> rule.allows(access)));
  }

  TestRun testRun(String name) throws Exception {
    TestRun run = Manifests.read(Files.readString(Path.of("../examples/testrun.yaml")), "testrun.yaml").testRuns().get(0);
    run.getMetadata().setName(name);
    run.getMetadata().setNamespace(NS);
    return run;
  }

  /** Creates the suite ConfigMap and {@code run}, and waits for the operator to create its {@code jobs} Jobs. */
  void submit(TestRun run, int jobs) {
    client.resource(SuiteConfigMap.build("demo-suite", NS, suite)).create();
    client.resource(run).create();
    await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(() -> client.batch().v1().jobs().inNamespace(NS).list().getItems().size() == jobs);
  }

  TestRun get(String name) {
    return client.resources(TestRun.class).inNamespace(NS).withName(name).get();
  }

  @Test
  void createsExactlyWhatRenderJobsRendersThenAggregatesResultsIntoStatus() throws Exception {
    client.resource(SuiteConfigMap.build("demo-suite", NS, suite)).create();
    client.resource(testRun("nightly")).create();

    await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems()).hasSize(2);
      assertThat(get("nightly").getStatus().getConditions()).anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
    });
    TestRun created = get("nightly");
    assertThat(created.getStatus().getPhase()).isEqualTo(Phase.Pending);
    assertThat(created.getStatus().getShardsFinished()).isEqualTo("0/2");

    Plan plan = RunPlanner.plan(created.getSpec(), SuiteParser.parse(suite).orThrow(), History.empty(), null);
    RenderedRun expected = new JobRenderer(IMAGES).render(created, plan, suite);
    ConfigMap planMap = client.configMaps().inNamespace(NS).withName("nightly-plan").get();
    assertThat(withoutServerFields(planMap)).isEqualTo(expected.plan());
    for (Job job : expected.jobs()) {
      assertThat(withoutServerFields(client.batch().v1().jobs().inNamespace(NS).withName(job.getMetadata().getName()).get())).isEqualTo(job);
    }
    assertThat(expected.jobs().get(0).getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("mirror.test/shardrun:1");

    Plan stored = playJobController("nightly", Set.of());
    await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      TestRun done = get("nightly");
      assertThat(done.getStatus().getPhase()).isEqualTo(Phase.Succeeded);
      assertThat(done.getStatus().getSummary().getPassed()).isEqualTo(stored.fileCount());
      assertThat(done.getStatus().getShardsFinished()).isEqualTo("2/2");
      assertThat(done.getStatus().getCompletionTime()).isNotNull();
      // Announced and counted once the final status is written.
      assertThat(client.v1().events().inNamespace(NS).list().getItems()).extracting(e -> e.getReason())
          .contains("Planned", "ShardFinished", "Succeeded");
      assertThat(metrics.counter("shardrun.runs.finished", "phase", "Succeeded").count()).isEqualTo(1.0);
    });
    History history = HistoryStore.read(client.configMaps().inNamespace(NS).withName("shardrun-history-demo-suite").get());
    assertThat(history.files()).hasSize(stored.fileCount());
  }

  @Test
  void aMissingSuiteIsACondition_andTheRunStartsOnceTheConfigMapAppears() throws Exception {
    client.resource(testRun("waits")).create();
    await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      TestRun run = get("waits");
      assertThat(run.getStatus().getPhase()).isEqualTo(Phase.Pending);
      assertThat(run.getStatus().getConditions()).anySatisfy(c -> {
        assertThat(c.getType()).isEqualTo("Ready");
        assertThat(c.getStatus()).isEqualTo("False");
        assertThat(c.getReason()).isEqualTo("SuiteNotFound");
        assertThat(c.getMessage()).startsWith("ConfigMap demo-suite (spec.suite.configMap) does not exist in " + NS);
      });
    });
    assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems()).isEmpty();

    client.resource(SuiteConfigMap.build("demo-suite", NS, suite)).create();
    await().ignoreExceptions().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
        assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems()).hasSize(2));
  }

  @Test
  void anInvalidSuiteNamesTheProblem() throws Exception {
    client.resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder().withNewMetadata().withName("demo-suite").withNamespace(NS).endMetadata()
        .addToData("bad.json", "{\"steps\": [{\"command\": \"clik\"}]}").build()).create();
    client.resource(testRun("broken")).create();
    await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(get("broken").getStatus().getConditions()).anySatisfy(c -> {
          assertThat(c.getReason()).isEqualTo("SuiteInvalid");
          assertThat(c.getMessage()).contains("bad.json: steps[0].command: unknown command 'clik'");
        }));
  }

  @Test
  void aSpecTheOperatorRefusesEndsTheRunInErrorAndCountsIt() throws Exception {
    TestRun run = testRun("refused");
    run.getSpec().getSelector().setInclude(List.of("checkout/(unclosed"));
    client.resource(run).create();
    await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(get("refused").getStatus().getPhase()).isEqualTo(Phase.Error);
      assertThat(get("refused").getStatus().getConditions()).anySatisfy(c -> assertThat(c.getReason()).isEqualTo("InvalidSpec"));
      assertThat(metrics.counter("shardrun.runs.finished", "phase", "Error").count()).isEqualTo(1.0); // counted once written
    });
    assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems()).isEmpty();
  }

  /**
   * Plays the Job controller and the kubelet in a real cluster's order (JobControllerPlay): for
   * each shard Job of {@code run}, a pod that publishes its results ({@code failing} files
   * failed, the rest passed) and exits as the executor would.
   */
  Plan playJobController(String run, Set<String> failing) throws InterruptedException {
    Plan plan = PlanCodec.read(client.configMaps().inNamespace(NS).withName(run + "-plan").get().getData().get("plan.json"), "plan");
    JobControllerPlay play = new JobControllerPlay(client, Duration.ofMillis(50));
    for (var shard : plan.jobShards()) {
      List<FileResult> results = shard.files().stream().map(PlannedFile::path)
          .map(f -> failing.contains(f) ? new FileResult(f, Outcome.FAILED, 1000, List.of(), 0, "boom")
              : new FileResult(f, Outcome.PASSED, 1000, List.of(), null, null)).toList();
      ResultsDocument doc = new ResultsDocument(shard.index(), ShardState.DONE, ShardCounts.tally(results.size(), results, 1000L * results.size()), results);
      // The plan ConfigMap is written before the Jobs: wait for the shard's Job as the Job controller would.
      Job job = await().ignoreExceptions().atMost(Duration.ofSeconds(30))
          .until(() -> client.batch().v1().jobs().inNamespace(NS).withName(run + "-shard-" + shard.index()).get(), j -> j != null);
      Pod pod = play.startPod(job);
      play.annotate(pod, Map.of(ResultsCodec.ANNOTATION, ResultsCodec.encode(doc)));
      play.exit(pod, results.stream().anyMatch(r -> r.status() == Outcome.FAILED) ? 1 : 0, null, Duration.ZERO);
    }
    return plan;
  }

  static <T extends HasMetadata> T withoutServerFields(T object) {
    object.getMetadata().setResourceVersion(null);
    object.getMetadata().setCreationTimestamp(null);
    object.getMetadata().setUid(null);
    object.getMetadata().setGeneration(null);
    object.getMetadata().setManagedFields(new java.util.ArrayList<>());
    if (object instanceof Job job) {
      job.setStatus(null);
    }
    return object;
  }

  @Test
  void shardsBeyondParallelismWaitSuspendedAndAreReleasedAsOthersFinish() throws Exception {
    client.resource(SuiteConfigMap.build("demo-suite", NS, suite)).create();
    TestRun run = testRun("capped");
    run.getSpec().setParallelism(1);
    client.resource(run).create();
    await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems())
            .extracting(j -> j.getMetadata().getName() + "=" + j.getSpec().getSuspend())
            .containsExactlyInAnyOrder("capped-shard-0=null", "capped-shard-1=true"));

    JobControllerPlay play = new JobControllerPlay(client, Duration.ofMillis(50));
    play.exit(play.startPod(client.batch().v1().jobs().inNamespace(NS).withName("capped-shard-0").get()), 0, null, Duration.ZERO);

    await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(client.batch().v1().jobs().inNamespace(NS).withName("capped-shard-1").get().getSpec().getSuspend()).isFalse());
  }

  @Test
  void rerunFailedOfWaitsForTheOtherRunThenRunsOnlyItsFailedFiles() throws Exception {
    client.resource(SuiteConfigMap.build("demo-suite", NS, suite)).create();
    TestRun rerun = testRun("again");
    rerun.getSpec().setRerunFailedOf("first");
    client.resource(rerun).create();
    await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(get("again").getStatus().getConditions()).anySatisfy(c -> {
          assertThat(c.getReason()).isEqualTo("RerunSourceNotFound");
          assertThat(c.getMessage()).isEqualTo("TestRun first (spec.rerunFailedOf) does not exist in " + NS);
        }));
    assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems()).isEmpty();

    TestRun first = testRun("first");
    first.getSpec().getSelector().setInclude(List.of("^home/"));
    client.resource(first).create();
    await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(client.configMaps().inNamespace(NS).withName("first-plan").get()).isNotNull());
    playJobController("first", Set.of("home/locale.json"));
    await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(get("first").getStatus().getPhase()).isEqualTo(Phase.Failed));

    await().ignoreExceptions().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
      ConfigMap plan = client.configMaps().inNamespace(NS).withName("again-plan").get();
      Plan planned = PlanCodec.read(plan.getData().get("plan.json"), "plan");
      // home/locale.json depends on home/cookies.json: the upstream comes along.
      assertThat(planned.shards().stream().flatMap(s -> s.files().stream()).map(PlannedFile::path))
          .containsExactlyInAnyOrder("home/cookies.json", "home/locale.json");
    });
  }

  @Test
  void aRestartMidRunCreatesNoDuplicatesLosesNoResultsAndAFinalStatusOutlivesItsJobs() throws Exception {
    submit(testRun("restarted"), 2);

    operator.stop();
    Plan plan = playJobController("restarted", Set.of()); // shards finish while no operator runs
    startOperator();

    await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(get("restarted").getStatus().getPhase()).isEqualTo(Phase.Succeeded));
    assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems()).hasSize(2);
    assertThat(get("restarted").getStatus().getSummary().getPassed()).isEqualTo(plan.fileCount());

    // What ttlSecondsAfterFinished does: the Jobs and pods go; the TestRun's status stays.
    client.batch().v1().jobs().inNamespace(NS).delete();
    client.pods().inNamespace(NS).delete();
    client.resource(get("restarted")).edit(r -> {
      r.getMetadata().getAnnotations().put("touched", "yes"); // an event that makes the operator look again
      return r;
    });
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(get("restarted").getStatus().getPhase()).isEqualTo(Phase.Succeeded);
      assertThat(get("restarted").getStatus().getSummary().getPassed()).isEqualTo(plan.fileCount());
    });
  }

  @Test
  void aFinishedRunsJobsAreDeletedAfterItsTtlAndARunOfTheSameNameNeverSeesTheOldOnes() throws Exception {
    TestRun run = testRun("daily");
    run.getSpec().setTtlSecondsAfterFinished(0);
    submit(run, 2);
    playJobController("daily", Set.of());
    await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(get("daily").getStatus().getPhase()).isEqualTo(Phase.Succeeded);
      assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems()).isEmpty();
    });
    assertThat(get("daily").getStatus().getSummary().getPassed()).isGreaterThan(0);

    // Delete and re-create under the same name while the old plan is still there (no garbage
    // collector in the mock): the new run waits instead of adopting it.
    String oldUid = get("daily").getMetadata().getUid();
    client.resources(TestRun.class).inNamespace(NS).withName("daily").delete();
    await().atMost(Duration.ofSeconds(10)).until(() -> get("daily") == null);
    client.resource(testRun("daily")).create();
    await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      TestRun again = get("daily");
      assertThat(again.getMetadata().getUid()).isNotEqualTo(oldUid);
      assertThat(again.getStatus().getConditions()).anySatisfy(c -> assertThat(c.getReason()).isEqualTo("PreviousRunTerminating"));
      assertThat(again.getStatus().getPhase()).isEqualTo(Phase.Pending);
    });
    client.configMaps().inNamespace(NS).withName("daily-plan").delete(); // what the garbage collector does
    await().ignoreExceptions().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
        assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems()).hasSize(2));
  }

  /**
   * Every recorded lifecycle (but f, whose recording holds one of its two shards' Jobs; the pure
   * replay covers it), replayed as recorded onto the Jobs the operator creates, all at once, with
   * the operator restarted in the middle: each run's phase only moves forward, ends as the Jobs
   * say, each Event comes once and each run is counted once; the plan ConfigMap is read at most
   * once after it is created.
   */
  @Test
  void recordedLifecyclesEndRightWithEveryEventOnceAcrossARestart() throws Exception {
    client.resource(SuiteConfigMap.build("demo-suite", NS, suite)).create();
    List<RecordedLifecycle> cases = RecordedLifecycle.cases().stream().filter(c -> !c.startsWith("f-")).map(RecordedLifecycle::load).toList();
    java.util.Map<String, List<io.shardrun.crd.v1alpha1.TestRunStatus>> seen = new java.util.concurrent.ConcurrentHashMap<>();
    try (var watch = client.resources(TestRun.class).inNamespace(NS).watch(new io.fabric8.kubernetes.client.Watcher<>() {
      @Override
      public void eventReceived(Action action, TestRun run) {
        if (run.getStatus() != null) {
          seen.computeIfAbsent(run.getMetadata().getName(), n -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(run.getStatus());
        }
      }

      @Override
      public void onClose(io.fabric8.kubernetes.client.WatcherException cause) {}
    })) {
      for (RecordedLifecycle recorded : cases) {
        TestRun run = io.fabric8.kubernetes.client.utils.Serialization.clone(recorded.testRun());
        run.getMetadata().setName(recorded.name());
        run.getMetadata().setNamespace(NS);
        client.resource(run).create();
      }
      RecordedJobController controller = new RecordedJobController(client, NS, Duration.ofMillis(200), Duration.ofMillis(1200));
      List<java.util.concurrent.Future<?>> replays = new java.util.ArrayList<>();
      java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(cases.size());
      for (RecordedLifecycle recorded : cases) {
        replays.add(threads.submit(() -> {
          controller.replay(recorded, recorded.name());
          return null;
        }));
      }
      Thread.sleep(3000);
      operator.stop(); // mid-run: the Jobs go on without it
      Thread.sleep(1000);
      startOperator();
      for (var replay : replays) {
        replay.get(120, TimeUnit.SECONDS);
      }
      threads.shutdown();
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(cases).allSatisfy(c ->
          assertThat(get(c.name()).getStatus().getPhase()).as(c.name()).isEqualTo(RecordedLifecycleTest.EXPECTED.get(c.name()).phase())));
    }
    for (RecordedLifecycle recorded : cases) {
      TestRun done = get(recorded.name());
      var expected = RecordedLifecycleTest.EXPECTED.get(recorded.name());
      assertThat(done.getStatus().getSummary().getPassed()).as(recorded.name()).isEqualTo(expected.passed());
      assertThat(done.getStatus().getSummary().getFailed()).as(recorded.name()).isEqualTo(expected.failed());
      io.shardrun.crd.v1alpha1.TestRunStatus previous = null;
      for (var status : seen.get(recorded.name())) {
        RecordedLifecycleTest.assertForward(previous, status);
        previous = status;
      }
      java.util.Map<String, Long> events = client.v1().events().inNamespace(NS).list().getItems().stream()
          .filter(e -> recorded.name().equals(e.getInvolvedObject().getName()))
          .collect(java.util.stream.Collectors.groupingBy(e -> e.getReason(), java.util.stream.Collectors.counting()));
      assertThat(events).as(recorded.name()).containsEntry("Planned", 1L).containsEntry("Started", 1L)
          .containsEntry(expected.phase().name(), 1L);
      assertThat(events.getOrDefault("ShardFinished", 0L) + events.getOrDefault("ShardError", 0L)).as(recorded.name()).isEqualTo(1);
    }
    double counted = java.util.stream.Stream.of(Phase.Succeeded, Phase.Failed, Phase.Error)
        .mapToDouble(p -> metrics.counter("shardrun.runs.finished", "phase", p.name()).count()).sum();
    assertThat(counted).isEqualTo(cases.size());
    List<String> requests = operatorRequests();
    for (RecordedLifecycle recorded : cases) {
      // Before it exists, once after it was created, once after the restart: not once per reconcile.
      assertThat(requests).as("reads of " + recorded.name() + "'s plan").filteredOn(r -> r.equals("GET /api/v1/namespaces/" + NS
          + "/configmaps/" + recorded.name() + "-plan")).hasSizeLessThanOrEqualTo(3);
      if (RecordedLifecycleTest.EXPECTED.get(recorded.name()).phase() != Phase.Error) { // e's pod never published final results
        ConfigMap kept = client.configMaps().inNamespace(NS).withName(recorded.name() + "-results").get();
        assertThat(kept).as("results kept for " + recorded.name()).isNotNull();
        assertThat(kept.getData()).as("results kept for " + recorded.name()).containsKey("shard-0");
        assertThat(kept.getMetadata().getOwnerReferences()).singleElement()
            .satisfies(o -> assertThat(o.getUid()).isEqualTo(get(recorded.name()).getMetadata().getUid()));
      }
    }
  }

  /** A shard that finished, whose pod is then deleted while another shard still runs: its results count at the end. */
  @Test
  void aFinishedShardsResultsSurviveItsPodsDeletionBeforeTheRunEnds() throws Exception {
    submit(testRun("kept"), 2);
    Plan plan = PlanCodec.read(client.configMaps().inNamespace(NS).withName("kept-plan").get().getData().get("plan.json"), "plan");
    JobControllerPlay play = new JobControllerPlay(client, Duration.ofMillis(50));
    List<Pod> pods = new java.util.ArrayList<>();
    for (var shard : plan.jobShards()) {
      Pod pod = play.startPod(client.batch().v1().jobs().inNamespace(NS).withName("kept-shard-" + shard.index()).get());
      List<FileResult> passed = shard.files().stream().map(PlannedFile::path)
          .map(f -> new FileResult(f, Outcome.PASSED, 1000, List.of("t"), null, null)).toList();
      pods.add(play.annotate(pod, Map.of(ResultsCodec.ANNOTATION, ResultsCodec.encode(
          new ResultsDocument(shard.index(), ShardState.DONE, ShardCounts.tally(passed.size(), passed, 1000), passed)))));
    }
    play.exit(pods.get(0), 0, null, Duration.ZERO);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(client.configMaps().inNamespace(NS).withName("kept-results").get().getData()).containsKey("shard-0"));
    client.pods().inNamespace(NS).withName(pods.get(0).getMetadata().getName()).delete();
    await().atMost(Duration.ofSeconds(10)).until(() -> client.pods().inNamespace(NS).withName(pods.get(0).getMetadata().getName()).get() == null);
    play.exit(pods.get(1), 0, null, Duration.ZERO);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      TestRun done = get("kept");
      assertThat(done.getStatus().getPhase()).isEqualTo(Phase.Succeeded);
      assertThat(done.getStatus().getSummary().getPassed()).isEqualTo(plan.fileCount());
      assertThat(done.getStatus().getByTag().get("t").getPassed()).isEqualTo(plan.fileCount());
    });
  }

  @Test
  void aDynamicRunHandsOutBatchesAsPodsAskAndALostPodsUnitRunsAgainCountedOnce() throws Exception {
    TestRun run = testRun("dyn");
    run.getSpec().setSharding(io.shardrun.crd.v1alpha1.Sharding.DYNAMIC);
    io.shardrun.crd.v1alpha1.BatchSpec oneAtATime = new io.shardrun.crd.v1alpha1.BatchSpec();
    oneAtATime.setMode(io.shardrun.crd.v1alpha1.BatchMode.OFF);
    run.getSpec().setBatch(oneAtATime);
    submit(run, 2);
    Plan plan = PlanCodec.read(client.configMaps().inNamespace(NS).withName("dyn-plan").get().getData().get("plan.json"), "plan");
    assertThat(plan.shards()).allSatisfy(s -> assertThat(s.files()).isEmpty());
    assertThat(plan.units()).hasSizeGreaterThan(3);
    JobControllerPlay play = new JobControllerPlay(client, Duration.ofMillis(50));
    var first = new io.shardrun.operator.cluster.DynamicExecutorDouble(client, play, plan, 0,
        play.startPod(client.batch().v1().jobs().inNamespace(NS).withName("dyn-shard-0").get()));
    var second = new io.shardrun.operator.cluster.DynamicExecutorDouble(client, play, plan, 1,
        play.startPod(client.batch().v1().jobs().inNamespace(NS).withName("dyn-shard-1").get()));

    List<Integer> a = first.nextBatch();
    List<Integer> b = second.nextBatch();
    assertThat(a).doesNotContainAnyElementsOf(b);
    first.run(a);
    List<Integer> lost = first.nextBatch(); // the pod is deleted while it runs this batch
    Pod replacement = play.delete(first.pod(), Duration.ofMillis(200));
    var again = new io.shardrun.operator.cluster.DynamicExecutorDouble(client, play, plan, 0, replacement);
    // The pod went with its results: what it finished runs again too, each unit once more, the longest first.
    List<Integer> rerun = again.nextBatch();
    assertThat(rerun).isEqualTo(a);
    again.run(rerun);
    second.runToTheEnd();
    again.runToTheEnd();
    List<Integer> ranAfterTheLoss = new java.util.ArrayList<>(again.ran());
    ranAfterTheLoss.addAll(second.ran());
    assertThat(ranAfterTheLoss).as("every unit once more, the lost ones too").containsAll(lost).doesNotHaveDuplicates()
        .hasSize(plan.units().size());

    await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      TestRun done = get("dyn");
      assertThat(done.getStatus().getPhase()).isEqualTo(Phase.Succeeded);
      assertThat(done.getStatus().getSummary().getFiles()).isEqualTo(plan.fileCount());
      assertThat(done.getStatus().getSummary().getPassed()).as("every file counted once").isEqualTo(plan.fileCount());
    });
  }

  /** Retries used up by an executor that could not publish: the shard's message says what the executor said. */
  @Test
  void aShardOutOfRetriesSaysWhatItsExecutorSaid() throws Exception {
    TestRun run = testRun("refused");
    run.getSpec().setShards(1);
    submit(run, 1);
    // As ExecuteCommand writes it (docs/results-format.md), with the recorded 422 of a broken admission policy.
    String said = "cannot publish results into pod " + NS + "/refused-shard-0-x: HTTP 422 Invalid: pods \"refused-shard-0-x\" is"
        + " forbidden: ValidatingAdmissionPolicy 'shardrun-executor-own-pod' with binding 'shardrun-executor-own-pod' denied request:"
        + " expression 'variables.podUpdate' resulted in error; refused as invalid, by an admission policy or the pod's validation";
    JobControllerPlay play = new JobControllerPlay(client, Duration.ofMillis(50));
    Pod retry = play.exit(play.startPod(client.batch().v1().jobs().inNamespace(NS).withName("refused-shard-0").get()), 2, said, Duration.ZERO);
    assertThat(play.exit(retry, 2, said, Duration.ZERO)).as("spec.retries 1: no third pod").isNull();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      TestRun done = get("refused");
      assertThat(done.getStatus().getPhase()).isEqualTo(Phase.Error);
      assertThat(done.getStatus().getShards().get(0).getMessage()).isEqualTo("the shard's pod failed more often than spec.retries"
          + " allows (BackoffLimitExceeded): an infrastructure failure; last attempt: " + said);
    });
  }
}
