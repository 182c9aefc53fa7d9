package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Counts over the selected files of a run. */
public class Summary extends OutcomeCounts {
  @JsonPropertyDescription("Files of this run that are flaky in the suite's history.")
  private int flaky;

  public int getFlaky() {
    return flaky;
  }

  public void setFlaky(int flaky) {
    this.flaky = flaky;
  }
}
