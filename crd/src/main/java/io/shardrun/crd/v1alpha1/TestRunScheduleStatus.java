package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** What the operator observed of a schedule and the TestRuns it created. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class TestRunScheduleStatus {
  @JsonPropertyDescription("The metadata.generation this status was computed from.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "Type Ready: True while the schedule is valid, False with reason InvalidSchedule (the"
          + " message naming spec.schedule or spec.timeZone and what was expected).")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("The scheduled time of the latest TestRun created (RFC 3339).")
  private String lastScheduleTime;

  @JsonPropertyDescription(
      "The latest scheduled time that created no TestRun: skipped by concurrencyPolicy Forbid while"
          + " a run was active, or missed by more than startingDeadlineSeconds (RFC 3339).")
  private String lastSkippedTime;

  @JsonPropertyDescription("When the latest Succeeded TestRun of this schedule completed (RFC 3339).")
  private String lastSuccessfulTime;

  @JsonPropertyDescription("The name of that latest Succeeded TestRun.")
  private String lastSuccessfulRun;

  @JsonPropertyDescription("Names of this schedule's TestRuns that have not finished, oldest first.")
  private List<String> active = new ArrayList<>();

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

  public String getLastScheduleTime() {
    return lastScheduleTime;
  }

  public void setLastScheduleTime(String lastScheduleTime) {
    this.lastScheduleTime = lastScheduleTime;
  }

  public String getLastSkippedTime() {
    return lastSkippedTime;
  }

  public void setLastSkippedTime(String lastSkippedTime) {
    this.lastSkippedTime = lastSkippedTime;
  }

  public String getLastSuccessfulTime() {
    return lastSuccessfulTime;
  }

  public void setLastSuccessfulTime(String lastSuccessfulTime) {
    this.lastSuccessfulTime = lastSuccessfulTime;
  }

  public String getLastSuccessfulRun() {
    return lastSuccessfulRun;
  }

  public void setLastSuccessfulRun(String lastSuccessfulRun) {
    this.lastSuccessfulRun = lastSuccessfulRun;
  }

  public List<String> getActive() {
    return active;
  }

  public void setActive(List<String> active) {
    this.active = active;
  }
}
