package io.shardrun.operator.pipeline;

import io.shardrun.crd.v1alpha1.TestPipelineStatus;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.operator.decide.Announcement;
import java.util.List;

/**
 * What one reconcile of a pipeline does: create the stage's TestRun (if one is to start), write
 * the status, then, once that is written, emit the Events of its transitions.
 *
 * @param create the stage TestRun to create (it may exist already: creating is idempotent); null for none
 * @param status the new status; null to leave it as it is
 */
public record PipelineDecision(TestRun create, TestPipelineStatus status, List<Announcement> announcements) {
  static PipelineDecision nothing() {
    return new PipelineDecision(null, null, List.of());
  }

  /** Whether a stage waits for a TestRun of its name that is not the pipeline's to be deleted, which no watch reports. */
  public boolean waitsForAName() {
    return PipelineDecider.waitsForAName(status);
  }
}
