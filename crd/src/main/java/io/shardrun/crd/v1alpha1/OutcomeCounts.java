package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** How a set of files ended: the counters a run's summary and each shard report alike. */
public abstract class OutcomeCounts {
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

  @JsonPropertyDescription("Milliseconds: for a shard, how long its executor has run its files so far; for the summary,"
      + " the sum over shards (shard time, not wall time).")
  private long durationMs;

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

  public long getDurationMs() {
    return durationMs;
  }

  public void setDurationMs(long durationMs) {
    this.durationMs = durationMs;
  }
}
