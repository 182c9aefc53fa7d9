package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** What the operator observed of a pipeline's stages. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class TestPipelineStatus {
  @JsonPropertyDescription("Pending (no stage started yet), Running, Succeeded (every stage succeeded), Failed or Error"
      + " (a stage did not succeed; Error when any stage ended in Error).")
  private Phase phase;

  @JsonPropertyDescription("The metadata.generation this status was computed from.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "Latest observations, Kubernetes style: type Complete (the pipeline reached a final phase; its reason is"
          + " the phase, its message names the stage that decided it); lastTransitionTime when it last changed.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("When the first stage's TestRun was created (RFC 3339).")
  private String startTime;

  @JsonPropertyDescription("When the pipeline reached a final phase (RFC 3339).")
  private String completionTime;

  @JsonPropertyDescription("The stage that runs (or ran last) over all stages, for example 2/3; 0/3 before any started.")
  private String stage;

  @JsonPropertyDescription("One entry per stage of spec.stages, in order.")
  private List<StageStatus> stages = new ArrayList<>();

  public Phase getPhase() {
    return phase;
  }

  public void setPhase(Phase phase) {
    this.phase = phase;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public String getStartTime() {
    return startTime;
  }

  public void setStartTime(String startTime) {
    this.startTime = startTime;
  }

  public String getCompletionTime() {
    return completionTime;
  }

  public void setCompletionTime(String completionTime) {
    this.completionTime = completionTime;
  }

  public String getStage() {
    return stage;
  }

  public void setStage(String stage) {
    this.stage = stage;
  }

  public List<StageStatus> getStages() {
    return stages;
  }

  public void setStages(List<StageStatus> stages) {
    this.stages = stages;
  }
}
