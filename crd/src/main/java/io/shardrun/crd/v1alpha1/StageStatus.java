package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One stage as the operator last saw it; the counts are its TestRun's status.summary. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StageStatus extends FileCounts {
  @JsonPropertyDescription("The stage's name, as in spec.stages.")
  private String name;

  @JsonPropertyDescription("The name of the stage's TestRun, once it is created.")
  private String testRun;

  @JsonPropertyDescription("Waiting (not started), Skipped (the gate before it stayed shut), or its TestRun's phase:"
      + " Pending, Running, Succeeded, Failed, Error.")
  private StagePhase phase;

  public StageStatus() {}

  public StageStatus(String name, StagePhase phase) {
    this.name = name;
    this.phase = phase;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getTestRun() {
    return testRun;
  }

  public void setTestRun(String testRun) {
    this.testRun = testRun;
  }

  public StagePhase getPhase() {
    return phase;
  }

  public void setPhase(StagePhase phase) {
    this.phase = phase;
  }
}
