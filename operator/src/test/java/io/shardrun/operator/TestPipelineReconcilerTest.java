package io.shardrun.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shardrun.core.pipeline.StageRuns;
import io.shardrun.core.render.Images;
import io.shardrun.core.run.Manifests;
import io.shardrun.crd.v1alpha1.Phase;
import io.shardrun.crd.v1alpha1.StagePhase;
import io.shardrun.crd.v1alpha1.StageStatus;
import io.shardrun.crd.v1alpha1.TestPipeline;
import io.shardrun.crd.v1alpha1.TestRunSchedule;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.operator.cluster.ApiServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator, as production wires it, against the mock API server with both CRDs: the test
 * plays the TestRun reconciler's part by writing each stage TestRun's final status, and watches
 * the pipeline create the next stage or stop at the gate. Every request the operator makes is
 * checked against the chart's RBAC.
 */
class TestPipelineReconcilerTest {
  static final String NS = "pipelines";
  static final String OPERATOR_AGENT = "shardrun-operator-under-test";
  @RegisterExtension static final ApiServer API = new ApiServer();
  KubernetesClient client = API.client();
  KubernetesClient operatorClient;
  Operator operator;

  static final String PIPELINE = """
      apiVersion: shardrun.io/v1alpha1
      kind: TestPipeline
      metadata: {name: NAME, namespace: pipelines}
      spec:
        stages:
          - name: smoke
            template:
              metadata: {labels: {team: shop}, annotations: {owner: qa}}
              spec: {suite: {configMap: demo-suite}, selector: {tags: [smoke]}}
          - name: regression
            template:
              spec: {suite: {configMap: demo-suite}, shards: 2}
          - name: visual
            continueOnFailure: ALWAYS
            template:
              spec: {suite: {configMap: demo-suite}}
      """;

  @BeforeEach
  void start() {
    for (String crd : List.of("testruns", "testpipelines", "testrunschedules")) {
      client.apiextensions().v1().customResourceDefinitions().load(Path.of("../crd/" + crd + ".shardrun.io-v1.yml").toFile())
          .createOr(c -> c.update());
    }
    operatorClient = new KubernetesClientBuilder()
        .withConfig(new ConfigBuilder(client.getConfiguration()).withUserAgent(OPERATOR_AGENT).build()).build();
    operator = ShardrunOperator.start(operatorClient, Images.defaults(), Set.of(), null, Clock.systemUTC(), new SimpleMeterRegistry());
  }

  @AfterEach
  void stop() throws InterruptedException {
    operator.stop();
    operatorClient.close();
    List<ChartOperatorRules.Rule> rules;
    try {
      rules = ChartOperatorRules.rules();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    List<ChartOperatorRules.Access> forbidden = new ArrayList<>();
    for (RecordedRequest request; (request = API.server().takeRequest(1, TimeUnit.MILLISECONDS)) != null; ) {
      if (OPERATOR_AGENT.equals(request.getHeader("User-Agent"))) {
        ChartOperatorRules.Access.of(request.getMethod(), request.getPath())
            .filter(access -> rules.stream().noneMatch(rule -> rule.allows(access))).ifPresent(forbidden::add);
      }
    }
    assertThat(forbidden).as("requests the chart's RBAC would forbid").isEmpty();
  }

  /**
   * The schedule controller inside the running operator (in a namespace of its own): its reads,
   * status writes and run creation pass the chart's RBAC.
   */
  @Test
  void aScheduleRunsAtTheNextMinuteInsideTheRunningOperator() {
    var schedule = client.getKubernetesSerialization().unmarshal("""
        apiVersion: shardrun.io/v1alpha1
        kind: TestRunSchedule
        metadata: {name: nightly, namespace: schedules}
        spec:
          schedule: "* * * * *"
          template:
            spec: {suite: {configMap: demo-suite}}
        """, TestRunSchedule.class);
    client.resource(schedule).create();

    await().atMost(Duration.ofSeconds(75)).until(() -> !client.resources(TestRun.class).inNamespace("schedules")
        .withLabel("shardrun.io/schedule", "nightly").list().getItems().isEmpty());
    assertThat(client.resources(TestRun.class).inNamespace("schedules").withLabel("shardrun.io/schedule", "nightly").list().getItems())
        .as("one run for the minute that came").hasSize(1);
  }

  @Test
  void aFailingMiddleStageStopsAtTheGateAndTheLastStageIsSkipped() {
    client.resource(pipeline("release", false)).create();

    TestRun smoke = awaitTestRun("release-smoke");
    assertThat(smoke.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
      assertThat(owner.getKind()).isEqualTo("TestPipeline");
      assertThat(owner.getName()).isEqualTo("release");
      assertThat(owner.getUid()).isEqualTo(get("release").getMetadata().getUid());
      assertThat(owner.getController()).isTrue();
    });
    assertThat(smoke.getMetadata().getLabels()).containsEntry(StageRuns.PIPELINE_LABEL, "release")
        .containsEntry(StageRuns.STAGE_LABEL, "smoke").containsEntry("team", "shop");
    assertThat(smoke.getMetadata().getAnnotations()).containsEntry("owner", "qa");
    assertThat(smoke.getSpec().getSelector().getTags()).containsExactly("smoke");
    await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(phases("release"))
        .containsExactly(StagePhase.Pending, StagePhase.Waiting, StagePhase.Waiting));
    assertThat(client.resources(TestRun.class).inNamespace(NS).withLabel(StageRuns.PIPELINE_LABEL, "release").list().getItems())
        .as("one stage at a time").hasSize(1);

    finish("release-smoke", Phase.Succeeded, 3, 0);
    assertThat(awaitTestRun("release-regression").getSpec().getShards()).isEqualTo(2);
    finish("release-regression", Phase.Failed, 5, 2);

    await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("release").getStatus().getPhase()).isEqualTo(Phase.Failed));
    TestPipeline release = get("release");
    assertThat(phases("release")).containsExactly(StagePhase.Succeeded, StagePhase.Failed, StagePhase.Skipped);
    assertThat(release.getStatus().getStages()).extracting(StageStatus::getName).containsExactly("smoke", "regression", "visual");
    assertThat(release.getStatus().getStages()).extracting(StageStatus::getTestRun)
        .containsExactly("release-smoke", "release-regression", null);
    StageStatus regression = release.getStatus().getStages().get(1);
    assertThat(List.of(regression.getFiles(), regression.getPassed(), regression.getFailed())).containsExactly(7, 5, 2);
    assertThat(release.getStatus().getStage()).isEqualTo("2/3");
    assertThat(release.getStatus().getStartTime()).isNotNull();
    assertThat(release.getStatus().getCompletionTime()).isNotNull();
    assertThat(release.getStatus().getConditions()).singleElement().satisfies(c -> {
      assertThat(c.getType()).isEqualTo("Complete");
      assertThat(c.getStatus()).isEqualTo("True");
      assertThat(c.getReason()).isEqualTo("Failed");
      assertThat(c.getMessage()).isEqualTo("stage regression (2/3) ended Failed; 1 stage skipped");
    });
    assertThat(client.resources(TestRun.class).inNamespace(NS).withName("release-visual").get()).isNull();
    await().ignoreExceptions().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events("release"))
        .containsExactlyInAnyOrder("StageStarted", "StageStarted", "StageSkipped", "Failed"));
  }

  @Test
  void continueOnFailureRunsTheLastStageAfterTheFailedOne() {
    client.resource(pipeline("always", true)).create();
    awaitTestRun("always-smoke");
    finish("always-smoke", Phase.Succeeded, 3, 0);
    awaitTestRun("always-regression");
    finish("always-regression", Phase.Failed, 5, 2);
    awaitTestRun("always-visual");
    await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("always").getStatus().getStage()).isEqualTo("3/3"));
    assertThat(get("always").getStatus().getPhase()).isEqualTo(Phase.Running);
    finish("always-visual", Phase.Succeeded, 1, 0);

    await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("always").getStatus().getPhase()).isEqualTo(Phase.Failed));
    assertThat(phases("always")).containsExactly(StagePhase.Succeeded, StagePhase.Failed, StagePhase.Succeeded);
    assertThat(get("always").getStatus().getConditions().get(0).getMessage()).isEqualTo("stage regression (2/3) ended Failed");
  }

  /** A TestRun made by hand with a stage's name: the operator's cache does not hold it (no pipeline label). */
  @Test
  void aStageWhoseNameARunMadeByHandHoldsWaitsSayingSoAndStartsOnceItIsDeleted() {
    TestRun byHand = Manifests.read("""
        apiVersion: shardrun.io/v1alpha1
        kind: TestRun
        metadata: {name: taken-smoke, namespace: pipelines}
        spec: {suite: {configMap: other-suite}}
        """, "run.yaml").testRuns().get(0);
    client.resource(byHand).create();
    client.resource(pipeline("taken", false)).create();

    await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("taken").getStatus().getConditions())
        .singleElement().satisfies(c -> assertThat(c.getReason()).isEqualTo("StageNameTaken")));
    assertThat(phases("taken")).containsExactly(StagePhase.Waiting, StagePhase.Waiting, StagePhase.Waiting);
    assertThat(client.resources(TestRun.class).inNamespace(NS).withName("taken-smoke").get().getSpec().getSuite().getConfigMap())
        .as("the hand-made run is left alone").isEqualTo("other-suite");
    await().ignoreExceptions().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events("taken")).containsExactly("StageNameTaken"));

    client.resource(byHand).delete();
    TestRun smoke = awaitTestRun("taken-smoke");
    assertThat(smoke.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(owner -> assertThat(owner.getUid()).isEqualTo(get("taken").getMetadata().getUid()));
    await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(phases("taken"))
        .containsExactly(StagePhase.Pending, StagePhase.Waiting, StagePhase.Waiting));
  }

  @Test
  void anInvalidStageEndsThePipelineInErrorNamingTheFieldAndCreatesNothing() {
    TestPipeline invalid = pipeline("broken", false);
    invalid.getSpec().getStages().get(1).getTemplate().getSpec().getEnv()
        .add(new io.fabric8.kubernetes.api.model.EnvVarBuilder().withName("POD_NAME").withValue("x").build());
    client.resource(invalid).create();

    await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("broken").getStatus().getPhase()).isEqualTo(Phase.Error));
    assertThat(get("broken").getStatus().getConditions().get(0).getReason()).isEqualTo("Invalid");
    assertThat(get("broken").getStatus().getConditions().get(0).getMessage())
        .contains("spec.stages[1].template.spec.env[0].name: POD_NAME is set by Shardrun");
    assertThat(client.resources(TestRun.class).inNamespace(NS).withLabel(StageRuns.PIPELINE_LABEL, "broken").list().getItems()).isEmpty();
  }

  static TestPipeline pipeline(String name, boolean continueOnFailure) {
    return Manifests.read(PIPELINE.replace("NAME", name).replace("ALWAYS", Boolean.toString(continueOnFailure)), "pipeline.yaml")
        .testPipelines().get(0);
  }

  TestRun awaitTestRun(String name) {
    return await().ignoreExceptions().atMost(Duration.ofSeconds(30))
        .until(() -> client.resources(TestRun.class).inNamespace(NS).withName(name).get(), run -> run != null);
  }

  /** What the TestRun reconciler writes when a run ends: its phase and summary. */
  void finish(String testRun, Phase phase, int passed, int failed) {
    client.resources(TestRun.class).inNamespace(NS).withName(testRun).subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE),
        "{\"status\":{\"phase\":\"" + phase + "\",\"summary\":{\"files\":" + (passed + failed) + ",\"passed\":" + passed
            + ",\"failed\":" + failed + "}}}");
  }

  TestPipeline get(String name) {
    return client.resources(TestPipeline.class).inNamespace(NS).withName(name).get();
  }

  List<StagePhase> phases(String pipeline) {
    return get(pipeline).getStatus().getStages().stream().map(StageStatus::getPhase).toList();
  }

  List<String> events(String pipeline) {
    return client.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> "TestPipeline".equals(e.getInvolvedObject().getKind()) && pipeline.equals(e.getInvolvedObject().getName()))
        .map(Event::getReason).toList();
  }
}
