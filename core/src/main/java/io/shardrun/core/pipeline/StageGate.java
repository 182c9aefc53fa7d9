package io.shardrun.core.pipeline;

import io.shardrun.crd.v1alpha1.Phase;
import io.shardrun.crd.v1alpha1.PipelineStage;
import io.shardrun.crd.v1alpha1.StagePhase;
import java.util.ArrayList;
import java.util.List;

/**
 * The gate between a pipeline's stages, and what follows from it for the whole pipeline: the one
 * rule the operator and {@code shardrun pipeline} both apply. A stage starts when the stage
 * before it Succeeded, or, with continueOnFailure, when it ended Failed or Error; a stage whose
 * gate stays shut is Skipped, and so is every stage after it.
 */
public final class StageGate {
  private StageGate() {}

  /**
   * Whether a stage may start after the stage before it ended in {@code before}.
   *
   * @param before null for the first stage
   */
  public static boolean opens(StagePhase before, boolean continueOnFailure) {
    if (before == null || before == StagePhase.Succeeded) {
      return true;
    }
    return continueOnFailure && (before == StagePhase.Failed || before == StagePhase.Error);
  }

  /**
   * Where a pipeline is.
   *
   * @param stages each stage's phase, Skipped filled in where the gate stayed shut
   * @param next the index of the stage to start now; null when none is to start
   * @param phase the pipeline's phase
   * @param deciding the index of the stage that decided a final phase; null while not final
   * @param current how many stages have started (the one that runs, or ran last, counted from 1)
   */
  public record Progress(List<StagePhase> stages, Integer next, Phase phase, Integer deciding, int current) {
    /** Why the pipeline is in its phase, naming the stage that decided it: the Complete condition's message. */
    public String verdict(List<PipelineStage> spec) {
      if (deciding == null) {
        return current == 0 ? "no stage started yet" : "stage " + at(spec, current - 1) + " is " + stages.get(current - 1);
      }
      if (phase == Phase.Succeeded) {
        return "every stage succeeded (" + stages.size() + "/" + stages.size() + ")";
      }
      long skipped = stages.stream().filter(s -> s == StagePhase.Skipped).count();
      return "stage " + at(spec, deciding) + " ended " + stages.get(deciding)
          + (skipped == 0 ? "" : "; " + skipped + (skipped == 1 ? " stage" : " stages") + " skipped");
    }

    private String at(List<PipelineStage> spec, int index) {
      return spec.get(index).getName() + " (" + (index + 1) + "/" + stages.size() + ")";
    }
  }

  /**
   * The progress of a pipeline whose stages are observed in {@code observed}: Waiting for a stage
   * not started, else its TestRun's phase.
   */
  public static Progress progress(List<PipelineStage> spec, List<StagePhase> observed) {
    List<StagePhase> stages = new ArrayList<>(observed);
    int current = 0;
    for (int i = 0; i < stages.size(); i++) {
      StagePhase stage = stages.get(i);
      if (stage == StagePhase.Waiting) {
        if (opens(i == 0 ? null : stages.get(i - 1), spec.get(i).isContinueOnFailure())) {
          return new Progress(stages, i, i == 0 ? Phase.Pending : Phase.Running, null, current);
        }
        for (int j = i; j < stages.size(); j++) {
          stages.set(j, StagePhase.Skipped);
        }
        break;
      }
      current = i + 1;
      if (!stage.isFinal()) {
        Phase phase = i == 0 && stage == StagePhase.Pending ? Phase.Pending : Phase.Running;
        return new Progress(stages, null, phase, null, current);
      }
    }
    return ended(stages, current);
  }

  /** Error when a stage ended Error, else Failed when one did not succeed, decided by the first such stage. */
  private static Progress ended(List<StagePhase> stages, int current) {
    for (StagePhase worst : List.of(StagePhase.Error, StagePhase.Failed)) {
      int first = stages.indexOf(worst);
      if (first >= 0) {
        return new Progress(stages, null, Phase.valueOf(worst.name()), first, current);
      }
    }
    return new Progress(stages, null, Phase.Succeeded, stages.size() - 1, current);
  }
}
