package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Outcome counts of the files carrying one tag. */
public class TagCounts {
  @JsonPropertyDescription("Files with this tag that passed.")
  private int passed;

  @JsonPropertyDescription("Files with this tag that failed or errored.")
  private int failed;

  public int getPassed() {
    return passed;
  }

  public void setPassed(int passed) {
    this.passed = passed;
  }

  public int getFailed() {
    return failed;
  }

  public void setFailed(int failed) {
    this.failed = failed;
  }
}
