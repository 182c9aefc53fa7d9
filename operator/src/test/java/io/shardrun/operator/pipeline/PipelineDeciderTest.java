package io.shardrun.operator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.pipeline.StageRuns;
import io.shardrun.core.run.Manifests;
import io.shardrun.crd.v1alpha1.Phase;
import io.shardrun.crd.v1alpha1.StagePhase;
import io.shardrun.crd.v1alpha1.StageStatus;
import io.shardrun.crd.v1alpha1.Summary;
import io.shardrun.crd.v1alpha1.TestPipeline;
import io.shardrun.crd.v1alpha1.TestPipelineStatus;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.crd.v1alpha1.TestRunStatus;
import io.shardrun.operator.decide.Announcement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineDeciderTest {
  static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");
  final PipelineDecider decider = new PipelineDecider();
  final Map<String, TestRun> testRuns = new HashMap<>();

  static TestPipeline pipeline(boolean lastAlways) {
    TestPipeline pipeline = Manifests.read("""
        apiVersion: shardrun.io/v1alpha1
        kind: TestPipeline
        metadata: {name: rel, namespace: qa, uid: u-1, generation: 1}
        spec:
          stages:
            - {name: a, template: {spec: {suite: {configMap: s}}}}
            - {name: b, template: {spec: {suite: {configMap: s}}}}
            - {name: c, continueOnFailure: ALWAYS, template: {spec: {suite: {configMap: s}}}}
        """.replace("ALWAYS", Boolean.toString(lastAlways)), "p.yaml").testPipelines().get(0);
    return pipeline;
  }

  PipelineDecision decide(TestPipeline pipeline) {
    return decider.decide(new PipelineObservation(pipeline, testRuns, NOW));
  }

  /** Decides, then keeps the decision's status (as written) and its TestRun (as created). */
  PipelineDecision step(TestPipeline pipeline) {
    PipelineDecision decision = decide(pipeline);
    if (decision.create() != null) {
      testRuns.put(decision.create().getMetadata().getName(), decision.create());
    }
    if (decision.status() != null) {
      pipeline.setStatus(decision.status());
    }
    return decision;
  }

  void end(String testRun, Phase phase) {
    TestRunStatus status = new TestRunStatus();
    status.setPhase(phase);
    Summary summary = new Summary();
    summary.setFiles(4);
    summary.setPassed(phase == Phase.Succeeded ? 4 : 3);
    summary.setFailed(phase == Phase.Failed ? 1 : 0);
    summary.setErrored(phase == Phase.Error ? 1 : 0);
    status.setSummary(summary);
    testRuns.get(testRun).setStatus(status);
  }

  static List<String> reasons(PipelineDecision decision) {
    return decision.announcements().stream().map(Announcement::reason).toList();
  }

  static List<StagePhase> phases(TestPipelineStatus status) {
    return status.getStages().stream().map(StageStatus::getPhase).toList();
  }

  @Test
  void theFirstReconcileCreatesStageOnesTestRunOwnedByThePipeline() {
    PipelineDecision decision = step(pipeline(false));
    assertThat(decision.create().getMetadata().getName()).isEqualTo("rel-a");
    assertThat(decision.create().getMetadata().getOwnerReferences()).singleElement()
        .satisfies(o -> assertThat(List.of(o.getKind(), o.getName(), o.getUid())).containsExactly("TestPipeline", "rel", "u-1"));
    assertThat(phases(decision.status())).containsExactly(StagePhase.Pending, StagePhase.Waiting, StagePhase.Waiting);
    assertThat(decision.status().getPhase()).isEqualTo(Phase.Pending);
    assertThat(decision.status().getStage()).isEqualTo("1/3");
    assertThat(decision.status().getStartTime()).isEqualTo("2025-06-01T10:00:00Z");
    assertThat(reasons(decision)).containsExactly("StageStarted");
  }

  @Test
  void aStageCreatedButNotYetInTheCacheIsCreatedAgainIdempotentlyAndAnnouncedOnce() {
    TestPipeline pipeline = pipeline(false);
    step(pipeline);
    testRuns.clear(); // the informer has not seen the TestRun the first reconcile created
    PipelineDecision again = step(pipeline);
    assertThat(again.create().getMetadata().getName()).isEqualTo("rel-a");
    assertThat(reasons(again)).isEmpty();
  }

  /**
   * A pipeline deleted and applied again while the old one's TestRuns await garbage collection
   * (kubectl deletes in the background): the old stage's run has the same name, owned by the old
   * pipeline's uid. Its result is not the new pipeline's, and the stage waits for the name.
   */
  @Test
  void aRunOfTheStagesNameFromAnEarlierPipelineOfTheSameNameIsNotTakenAsItsResult() {
    TestPipeline earlier = pipeline(false);
    earlier.getMetadata().setUid("u-0");
    step(earlier);
    end("rel-a", Phase.Succeeded);
    TestPipeline pipeline = pipeline(false);

    PipelineDecision waiting = step(pipeline);
    assertThat(waiting.create()).isNull();
    assertThat(phases(waiting.status())).containsExactly(StagePhase.Waiting, StagePhase.Waiting, StagePhase.Waiting);
    assertThat(waiting.status().getStages().get(0).getTestRun()).isNull();
    assertThat(waiting.status().getPhase()).isEqualTo(Phase.Pending);
    assertThat(waiting.status().getConditions()).singleElement().satisfies(c -> {
      assertThat(c.getReason()).isEqualTo("StageNameTaken");
      assertThat(c.getMessage()).isEqualTo("TestRun rel-a exists and is not this pipeline's (left from an earlier pipeline"
          + " of the same name, or made by hand): stage a starts once it is deleted");
    });
    assertThat(waiting.announcements()).singleElement().satisfies(a -> {
      assertThat(a.warning()).isTrue();
      assertThat(a.reason()).isEqualTo("StageNameTaken");
    });
    assertThat(reasons(step(pipeline))).as("said once").isEmpty();

    testRuns.remove("rel-a"); // collected
    PipelineDecision started = step(pipeline);
    assertThat(started.create().getMetadata().getOwnerReferences()).singleElement().satisfies(o -> assertThat(o.getUid()).isEqualTo("u-1"));
    assertThat(phases(started.status())).containsExactly(StagePhase.Pending, StagePhase.Waiting, StagePhase.Waiting);
    assertThat(started.status().getConditions()).singleElement().satisfies(c -> assertThat(c.getReason()).isEqualTo("InProgress"));
    assertThat(reasons(started)).containsExactly("StageStarted");
  }

  @Test
  void aRunOfTheStagesNameMadeByHandIsNotTakenAsItsResult() {
    TestPipeline pipeline = pipeline(false);
    TestRun byHand = StageRuns.testRun(pipeline, 0);
    testRuns.put("rel-a", byHand);
    PipelineDecision waiting = step(pipeline);
    assertThat(waiting.create()).isNull();
    assertThat(waiting.status().getStages().get(0).getPhase()).isEqualTo(StagePhase.Waiting);
    assertThat(reasons(waiting)).containsExactly("StageNameTaken");
  }

  @Test
  void stopsAtTheGateAfterAFailedStageAnnouncingTheSkipAndTheEndOnce() {
    TestPipeline pipeline = pipeline(false);
    step(pipeline);
    end("rel-a", Phase.Succeeded);
    PipelineDecision second = step(pipeline);
    assertThat(second.create().getMetadata().getName()).isEqualTo("rel-b");
    assertThat(second.status().getStages().get(0).getPassed()).isEqualTo(4);
    end("rel-b", Phase.Failed);
    PipelineDecision last = step(pipeline);
    assertThat(last.create()).isNull();
    assertThat(phases(last.status())).containsExactly(StagePhase.Succeeded, StagePhase.Failed, StagePhase.Skipped);
    assertThat(last.status().getPhase()).isEqualTo(Phase.Failed);
    assertThat(last.status().getCompletionTime()).isEqualTo("2025-06-01T10:00:00Z");
    assertThat(reasons(last)).containsExactly("StageSkipped", "Failed");
    assertThat(last.announcements()).allMatch(Announcement::warning);
    assertThat(step(pipeline)).as("a finished pipeline").isEqualTo(PipelineDecision.nothing());
  }

  @Test
  void continueOnFailureStartsTheLastStageAndErrorWinsOverFailed() {
    TestPipeline pipeline = pipeline(true);
    step(pipeline);
    end("rel-a", Phase.Failed);
    PipelineDecision afterFailure = step(pipeline);
    assertThat(afterFailure.create()).as("stage b has no continueOnFailure").isNull();
    assertThat(afterFailure.status().getPhase()).isEqualTo(Phase.Failed);

    TestPipeline other = pipeline(true);
    other.getMetadata().setName("rel");
    testRuns.clear();
    step(other);
    end("rel-a", Phase.Succeeded);
    step(other);
    end("rel-b", Phase.Failed);
    assertThat(step(other).create().getMetadata().getName()).isEqualTo("rel-c");
    end("rel-c", Phase.Error);
    PipelineDecision last = step(other);
    assertThat(last.status().getPhase()).isEqualTo(Phase.Error);
    assertThat(last.status().getConditions().get(0).getMessage()).isEqualTo("stage c (3/3) ended Error");
    assertThat(last.status().getStage()).isEqualTo("3/3");
  }

  @Test
  void aFinishedStageKeepsItsResultWhenItsTestRunIsDeleted() {
    TestPipeline pipeline = pipeline(false);
    step(pipeline);
    end("rel-a", Phase.Succeeded);
    step(pipeline);
    testRuns.remove("rel-a");
    PipelineDecision decision = step(pipeline);
    assertThat(decision.create()).as("stage b exists; stage a is not run again").isNull();
    assertThat(decision.status().getStages().get(0).getPhase()).isEqualTo(StagePhase.Succeeded);
    assertThat(decision.status().getStages().get(0).getTestRun()).isEqualTo("rel-a");
  }

  @Test
  void anInvalidPipelineEndsInErrorOnceAndCreatesNothing() {
    TestPipeline pipeline = pipeline(false);
    pipeline.getSpec().getStages().get(2).getTemplate().getSpec().setShards(0);
    PipelineDecision decision = step(pipeline);
    assertThat(decision.create()).isNull();
    assertThat(decision.status().getPhase()).isEqualTo(Phase.Error);
    assertThat(decision.status().getConditions().get(0).getReason()).isEqualTo("Invalid");
    assertThat(decision.status().getConditions().get(0).getMessage()).isEqualTo("spec.stages[2].template.spec.shards: expected 1 to 1000, found 0");
    assertThat(reasons(decision)).containsExactly("Invalid");
    assertThat(reasons(step(pipeline))).isEmpty();
  }
}
