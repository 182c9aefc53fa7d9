package io.shardrun.operator.pipeline;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.shardrun.core.pipeline.PipelineValidator;
import io.shardrun.core.pipeline.StageGate;
import io.shardrun.core.pipeline.StageRuns;
import io.shardrun.crd.v1alpha1.Phase;
import io.shardrun.crd.v1alpha1.PipelineStage;
import io.shardrun.crd.v1alpha1.StagePhase;
import io.shardrun.crd.v1alpha1.StageStatus;
import io.shardrun.crd.v1alpha1.Summary;
import io.shardrun.crd.v1alpha1.TestPipeline;
import io.shardrun.crd.v1alpha1.TestPipelineStatus;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.operator.decide.Announcement;
import io.shardrun.operator.decide.Conditions;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The decide step of a pipeline's reconcile, a pure function of what was observed: the stage to
 * start (by {@link StageGate}), the new status and the Events of its transitions from the status
 * last written. A stage that ended keeps its result even when its TestRun is gone later.
 */
public final class PipelineDecider {
  private static final String STAGE_NAME_TAKEN = "StageNameTaken";

  public PipelineDecision decide(PipelineObservation observed) {
    TestPipeline pipeline = observed.pipeline();
    TestPipelineStatus before = pipeline.getStatus();
    if (before != null && before.getPhase() != null && before.getPhase().isFinal()) {
      return PipelineDecision.nothing(); // a finished pipeline starts nothing again
    }
    String now = observed.now().truncatedTo(ChronoUnit.SECONDS).toString();
    List<String> problems = PipelineValidator.problems(pipeline);
    if (!problems.isEmpty()) {
      return invalid(pipeline, before, String.join("; ", problems), now);
    }
    List<PipelineStage> spec = pipeline.getSpec().getStages();
    List<StageStatus> stages = new ArrayList<>();
    for (int i = 0; i < spec.size(); i++) {
      stages.add(observe(pipeline, i, ours(pipeline, observed.testRuns().get(StageRuns.name(pipeline, spec.get(i)))),
          stageBefore(before, i)));
    }
    StageGate.Progress progress = StageGate.progress(spec, stages.stream().map(StageStatus::getPhase).toList());
    TestRun create = null;
    String taken = null;
    if (progress.next() != null) {
      String name = StageRuns.name(pipeline, spec.get(progress.next()));
      if (observed.testRuns().containsKey(name)) {
        taken = "TestRun " + name + " exists and is not this pipeline's (left from an earlier pipeline of the same name, or"
            + " made by hand): stage " + spec.get(progress.next()).getName() + " starts once it is deleted";
      } else {
        create = owned(StageRuns.testRun(pipeline, progress.next()), pipeline);
        stages.get(progress.next()).setTestRun(name);
        stages.get(progress.next()).setPhase(StagePhase.Pending);
        progress = StageGate.progress(spec, stages.stream().map(StageStatus::getPhase).toList());
      }
    }
    for (int i = 0; i < stages.size(); i++) {
      stages.get(i).setPhase(progress.stages().get(i));
    }
    TestPipelineStatus status = new TestPipelineStatus();
    status.setObservedGeneration(pipeline.getMetadata().getGeneration());
    status.setStages(stages);
    status.setPhase(progress.phase());
    status.setStage(progress.current() + "/" + spec.size());
    status.setStartTime(before != null && before.getStartTime() != null ? before.getStartTime() : progress.current() > 0 ? now : null);
    boolean done = progress.phase().isFinal();
    status.setCompletionTime(done ? now : null);
    status.setConditions(Conditions.set(before == null ? List.of() : before.getConditions(), Conditions.COMPLETE, done,
        done ? progress.phase().name() : taken != null ? STAGE_NAME_TAKEN : "InProgress", taken != null ? taken : progress.verdict(spec),
        generation(pipeline), now));
    List<Announcement> announcements = announcements(before, status, progress, spec);
    if (taken != null && !waitsForAName(before)) {
      announcements.add(new Announcement(true, STAGE_NAME_TAKEN, taken));
    }
    return new PipelineDecision(create, status, announcements);
  }

  /**
   * The run, if this pipeline owns it. One of the same name owned by an earlier pipeline of the
   * same name (deleted, its runs not yet collected) or by nobody is not this pipeline's result.
   */
  private static TestRun ours(TestPipeline pipeline, TestRun run) {
    return run != null && run.getMetadata().getOwnerReferences().stream()
        .anyMatch(owner -> owner.getUid().equals(pipeline.getMetadata().getUid())) ? run : null;
  }

  /** Whether {@code status} has a stage waiting for a TestRun of its name that is not the pipeline's to be deleted. */
  static boolean waitsForAName(TestPipelineStatus status) {
    Condition complete = status == null ? null : Conditions.find(status.getConditions(), Conditions.COMPLETE);
    return complete != null && STAGE_NAME_TAKEN.equals(complete.getReason());
  }

  /** A stage as its TestRun shows it; Waiting without one, unless it ended before (its TestRun deleted since). */
  private static StageStatus observe(TestPipeline pipeline, int index, TestRun run, StageStatus before) {
    PipelineStage stage = pipeline.getSpec().getStages().get(index);
    if (run == null) {
      return before != null && before.getPhase() != null && before.getPhase().isFinal() && before.getPhase() != StagePhase.Skipped
          ? before : new StageStatus(stage.getName(), StagePhase.Waiting);
    }
    StageStatus status = new StageStatus(stage.getName(), StagePhase.of(run.getStatus() == null ? null : run.getStatus().getPhase()));
    status.setTestRun(run.getMetadata().getName());
    Summary summary = run.getStatus() == null ? null : run.getStatus().getSummary();
    if (summary != null) {
      status.setFiles(summary.getFiles());
      status.setPassed(summary.getPassed());
      status.setFailed(summary.getFailed());
      status.setSkipped(summary.getSkipped());
      status.setErrored(summary.getErrored());
    }
    return status;
  }

  private static StageStatus stageBefore(TestPipelineStatus before, int index) {
    return before == null || before.getStages().size() <= index ? null : before.getStages().get(index);
  }

  /** The stage's TestRun, owned by the pipeline: deleting the pipeline deletes it. */
  private static TestRun owned(TestRun run, TestPipeline pipeline) {
    run.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder().withApiVersion(TestRun.API_VERSION)
        .withKind(TestPipeline.KIND).withName(pipeline.getMetadata().getName()).withUid(pipeline.getMetadata().getUid())
        .withController(true).build()));
    return run;
  }

  private static PipelineDecision invalid(TestPipeline pipeline, TestPipelineStatus before, String message, String now) {
    TestPipelineStatus status = new TestPipelineStatus();
    status.setObservedGeneration(pipeline.getMetadata().getGeneration());
    status.setPhase(Phase.Error);
    status.setStage("0/" + (pipeline.getSpec() == null ? 0 : pipeline.getSpec().getStages().size()));
    status.setCompletionTime(now);
    status.setConditions(Conditions.set(before == null ? List.of() : before.getConditions(), Conditions.COMPLETE, true, "Invalid",
        message, generation(pipeline), now));
    return new PipelineDecision(null, status, List.of(new Announcement(true, "Invalid", message)));
  }

  /** StageStarted for each stage that got its TestRun, StageSkipped once, and the final phase once. */
  private static List<Announcement> announcements(TestPipelineStatus before, TestPipelineStatus status, StageGate.Progress progress,
      List<PipelineStage> spec) {
    List<Announcement> out = new ArrayList<>();
    int total = spec.size();
    for (int i = 0; i < total; i++) {
      StageStatus was = stageBefore(before, i);
      StageStatus stage = status.getStages().get(i);
      if (stage.getTestRun() != null && (was == null || was.getTestRun() == null)) {
        out.add(new Announcement(false, "StageStarted", "stage " + stage.getName() + " (" + (i + 1) + "/" + total + ") started: TestRun "
            + stage.getTestRun()));
      }
    }
    List<String> skipped = status.getStages().stream().filter(s -> s.getPhase() == StagePhase.Skipped).map(StageStatus::getName).toList();
    boolean skippedBefore = before != null && before.getStages().stream().anyMatch(s -> s.getPhase() == StagePhase.Skipped);
    if (!skipped.isEmpty() && !skippedBefore) {
      out.add(new Announcement(true, "StageSkipped", "skipped " + String.join(", ", skipped) + ": " + progress.verdict(spec)));
    }
    if (status.getPhase().isFinal()) {
      out.add(new Announcement(status.getPhase() != Phase.Succeeded, status.getPhase().name(), progress.verdict(spec)));
    }
    return out;
  }

  private static long generation(TestPipeline pipeline) {
    return pipeline.getMetadata().getGeneration() == null ? 0 : pipeline.getMetadata().getGeneration();
  }
}
