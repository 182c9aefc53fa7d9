package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** How many files ended which way: what a run's summary, each shard and each pipeline stage report. */
public abstract class FileCounts {
  @JsonPropertyDescription("Files selected to run.")
  private int files;

  @JsonPropertyDescription("Files that passed.")
  private int passed;

  @JsonPropertyDescription("Files with a failed assertion or step.")
  private int failed;

  @JsonPropertyDescription("Files not run because a file they depend on did not pass.")
  private int skipped;

  @JsonPropertyDescription("Files that hit an infrastructure error (browser or driver lost) after their retries.")
  private int errored;

  public int getFiles() {
    return files;
  }

  public void setFiles(int files) {
    this.files = files;
  }

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

  public int getSkipped() {
    return skipped;
  }

  public void setSkipped(int skipped) {
    this.skipped = skipped;
  }

  public int getErrored() {
    return errored;
  }

  public void setErrored(int errored) {
    this.errored = errored;
  }
}
