package io.shardrun.core.pipeline;

import static io.shardrun.crd.v1alpha1.StagePhase.Error;
import static io.shardrun.crd.v1alpha1.StagePhase.Failed;
import static io.shardrun.crd.v1alpha1.StagePhase.Pending;
import static io.shardrun.crd.v1alpha1.StagePhase.Running;
import static io.shardrun.crd.v1alpha1.StagePhase.Skipped;
import static io.shardrun.crd.v1alpha1.StagePhase.Succeeded;
import static io.shardrun.crd.v1alpha1.StagePhase.Waiting;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.crd.v1alpha1.Phase;
import io.shardrun.crd.v1alpha1.PipelineStage;
import io.shardrun.crd.v1alpha1.StagePhase;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageGateTest {
  static final List<PipelineStage> GATED = stages(false, false, false);
  static final List<PipelineStage> ALWAYS_LAST = stages(false, false, true);

  static List<PipelineStage> stages(boolean... continueOnFailure) {
    String[] names = {"smoke", "regression", "visual"};
    return java.util.stream.IntStream.range(0, continueOnFailure.length).mapToObj(i -> {
      PipelineStage stage = new PipelineStage();
      stage.setName(names[i]);
      stage.setContinueOnFailure(continueOnFailure[i]);
      return stage;
    }).toList();
  }

  @Test
  void theGateOpensAfterSuccessAndAfterAnyEndOnlyWithContinueOnFailure() {
    assertThat(StageGate.opens(null, false)).as("the first stage").isTrue();
    assertThat(StageGate.opens(Succeeded, false)).isTrue();
    assertThat(StageGate.opens(Failed, false)).isFalse();
    assertThat(StageGate.opens(Error, false)).isFalse();
    assertThat(StageGate.opens(Failed, true)).isTrue();
    assertThat(StageGate.opens(Error, true)).isTrue();
    assertThat(StageGate.opens(Skipped, true)).as("after a skipped stage, nothing runs").isFalse();
    assertThat(StageGate.opens(Running, true)).as("a stage that has not ended").isFalse();
  }

  @Test
  void theFirstStageStartsAtOnceAndThePipelineIsPendingUntilItRuns() {
    StageGate.Progress fresh = StageGate.progress(GATED, List.of(Waiting, Waiting, Waiting));
    assertThat(fresh.next()).isZero();
    assertThat(fresh.phase()).isEqualTo(Phase.Pending);
    assertThat(fresh.current()).isZero();
    StageGate.Progress created = StageGate.progress(GATED, List.of(Pending, Waiting, Waiting));
    assertThat(created.next()).isNull();
    assertThat(created.phase()).isEqualTo(Phase.Pending);
    assertThat(created.current()).isEqualTo(1);
    assertThat(StageGate.progress(GATED, List.of(Running, Waiting, Waiting)).phase()).isEqualTo(Phase.Running);
  }

  @Test
  void aSucceededStageOpensTheNext() {
    StageGate.Progress progress = StageGate.progress(GATED, List.of(Succeeded, Waiting, Waiting));
    assertThat(progress.next()).isEqualTo(1);
    assertThat(progress.phase()).isEqualTo(Phase.Running);
    assertThat(progress.verdict(GATED)).isEqualTo("stage smoke (1/3) is Succeeded");
  }

  @Test
  void aFailedMiddleStageSkipsTheRestAndFailsThePipeline() {
    StageGate.Progress progress = StageGate.progress(GATED, List.of(Succeeded, Failed, Waiting));
    assertThat(progress.stages()).containsExactly(Succeeded, Failed, Skipped);
    assertThat(progress.next()).isNull();
    assertThat(progress.phase()).isEqualTo(Phase.Failed);
    assertThat(progress.deciding()).isEqualTo(1);
    assertThat(progress.current()).isEqualTo(2);
    assertThat(progress.verdict(GATED)).isEqualTo("stage regression (2/3) ended Failed; 1 stage skipped");
  }

  @Test
  void continueOnFailureRunsTheStageAfterAFailure() {
    StageGate.Progress progress = StageGate.progress(ALWAYS_LAST, List.of(Succeeded, Failed, Waiting));
    assertThat(progress.next()).isEqualTo(2);
    assertThat(progress.phase()).isEqualTo(Phase.Running);
    StageGate.Progress ended = StageGate.progress(ALWAYS_LAST, List.of(Succeeded, Failed, Succeeded));
    assertThat(ended.phase()).as("a stage that did not succeed fails the pipeline, whatever ran after it").isEqualTo(Phase.Failed);
    assertThat(ended.verdict(ALWAYS_LAST)).isEqualTo("stage regression (2/3) ended Failed");
  }

  @Test
  void aSkippedStageSkipsTheStagesAfterItEvenWithContinueOnFailure() {
    StageGate.Progress progress = StageGate.progress(ALWAYS_LAST, List.of(Failed, Waiting, Waiting));
    assertThat(progress.stages()).containsExactly(Failed, Skipped, Skipped);
    assertThat(progress.phase()).isEqualTo(Phase.Failed);
    assertThat(progress.deciding()).isZero();
    assertThat(progress.verdict(ALWAYS_LAST)).isEqualTo("stage smoke (1/3) ended Failed; 2 stages skipped");
  }

  @Test
  void errorWinsOverFailedAndTheFirstErroredStageDecides() {
    StageGate.Progress progress = StageGate.progress(stages(false, true, true), List.of(Failed, Succeeded, Error));
    assertThat(progress.phase()).isEqualTo(Phase.Error);
    assertThat(progress.deciding()).isEqualTo(2);
    assertThat(StageGate.progress(GATED, List.of(Error, Waiting, Waiting)).phase()).isEqualTo(Phase.Error);
  }

  @Test
  void everyStageSucceededIsSuccess() {
    StageGate.Progress progress = StageGate.progress(GATED, List.of(Succeeded, Succeeded, Succeeded));
    assertThat(progress.phase()).isEqualTo(Phase.Succeeded);
    assertThat(progress.current()).isEqualTo(3);
    assertThat(progress.verdict(GATED)).isEqualTo("every stage succeeded (3/3)");
  }

  @Test
  void theObservedListIsNotChanged() {
    List<StagePhase> observed = new java.util.ArrayList<>(List.of(Failed, Waiting, Waiting));
    StageGate.progress(GATED, observed);
    assertThat(observed).containsExactly(Failed, Waiting, Waiting);
  }
}
