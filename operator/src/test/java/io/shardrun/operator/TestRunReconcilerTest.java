package io.shardrun.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.javaoperatorsdk.operator.Operator;
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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator against the Fabric8 mock API server (CRUD mode), with its production
 * configuration. Every API request it makes is also checked against the RBAC rules the Helm
 * chart grants it.
 */
@EnableKubernetesMockClient(crud = true)
class TestRunReconcilerTest {
  /** Tells the operator's requests from the test's own. */
  static final String OPERATOR_AGENT = "shardrun-operator-under-test";
  static KubernetesMockServer server;
  static final java.util.Set<ChartOperatorRules.Access> operatorRequests = new java.util.TreeSet<>(
      java.util.Comparator.comparing(ChartOperatorRules.Access::toString));
  /** Not the defaults: the operator must render with the images it is given. */
  static final Images IMAGES = new Images("mirror.test/shardrun:1", "mirror.test/shardrun-browser:1");
  static KubernetesClient client;
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
    operator = ShardrunOperator.start(operatorClient, IMAGES, Set.of(), null, Clock.systemUTC(), metrics);
  }

  @AfterEach
  void stop() throws InterruptedException {
    operator.stop();
    operatorClient.close();
    for (RecordedRequest request; (request = server.takeRequest(1, TimeUnit.MILLISECONDS)) != null; ) {
      if (OPERATOR_AGENT.equals(request.getHeader("User-Agent"))) {
        ChartOperatorRules.Access.of(request.getMethod(), request.getPath()).ifPresent(operatorRequests::add);
      }
    }
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
    });
    assertThat(client.v1().events().inNamespace(NS).list().getItems()).extracting(e -> e.getReason())
        .contains("Planned", "ShardFinished", "Succeeded");
    assertThat(metrics.counter("shardrun.runs.finished", "phase", "Succeeded").count()).isEqualTo(1.0);
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
    });
    assertThat(metrics.counter("shardrun.runs.finished", "phase", "Error").count()).isEqualTo(1.0);
    assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems()).isEmpty();
  }

  /**
   * Plays the Job controller and the kubelet: for each shard Job of {@code run}, a pod that
   * publishes its results ({@code failing} files failed, the rest passed), then the Job's end.
   */
  Plan playJobController(String run, Set<String> failing) {
    Plan plan = PlanCodec.read(client.configMaps().inNamespace(NS).withName(run + "-plan").get().getData().get("plan.json"), "plan");
    for (var shard : plan.nonEmptyShards()) {
      String jobName = run + "-shard-" + shard.index();
      List<FileResult> results = shard.files().stream().map(PlannedFile::path)
          .map(f -> failing.contains(f) ? new FileResult(f, Outcome.FAILED, 1000, List.of(), 0, "boom")
              : new FileResult(f, Outcome.PASSED, 1000, List.of(), null, null)).toList();
      ResultsDocument doc = new ResultsDocument(shard.index(), ShardState.DONE, ShardCounts.tally(results.size(), results, 1000L * results.size()), results);
      Job owner = client.batch().v1().jobs().inNamespace(NS).withName(jobName).get();
      client.resource(new PodBuilder().withNewMetadata().withName(jobName + "-abcde").withNamespace(NS)
          .addNewOwnerReference().withApiVersion("batch/v1").withKind("Job").withName(jobName).withUid(owner.getMetadata().getUid())
          .withController(true).endOwnerReference()
          .addToLabels("shardrun.io/testrun", run).addToLabels("batch.kubernetes.io/job-name", jobName)
          .addToAnnotations("shardrun.io/testrun", run).addToAnnotations(ResultsCodec.ANNOTATION, ResultsCodec.encode(doc))
          .endMetadata().withNewStatus().withPhase("Succeeded").endStatus().build()).create();
      boolean failed = results.stream().anyMatch(r -> r.status() == Outcome.FAILED);
      Job job = client.batch().v1().jobs().inNamespace(NS).withName(jobName).get();
      client.resource(new JobBuilder(job).withNewStatus().addNewCondition().withType(failed ? "Failed" : "Complete").withStatus("True")
          .withReason(failed ? "PodFailurePolicy" : null).endCondition().endStatus().build()).updateStatus();
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

    Job first = client.batch().v1().jobs().inNamespace(NS).withName("capped-shard-0").get();
    client.resource(new JobBuilder(first).withNewStatus().addNewCondition().withType("Complete").withStatus("True").endCondition()
        .endStatus().build()).updateStatus();

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
    client.resource(SuiteConfigMap.build("demo-suite", NS, suite)).create();
    client.resource(testRun("restarted")).create();
    await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems()).hasSize(2));

    operator.stop();
    Plan plan = playJobController("restarted", Set.of()); // shards finish while no operator runs
    operator = ShardrunOperator.start(client, IMAGES, Set.of(), null, Clock.systemUTC(), metrics);

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
    client.resource(SuiteConfigMap.build("demo-suite", NS, suite)).create();
    TestRun run = testRun("daily");
    run.getSpec().setTtlSecondsAfterFinished(0);
    client.resource(run).create();
    await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(() -> client.batch().v1().jobs().inNamespace(NS).list().getItems().size() == 2);
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
}
