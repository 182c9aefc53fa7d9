package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The state of one shard Job. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ShardStatus {
  @JsonPropertyDescription("Shard index, from 0.")
  private int index;

  @JsonPropertyDescription("Name of the shard's Job.")
  private String job;

  @JsonPropertyDescription("Pending, Running, Succeeded, Failed or Error, as for the whole run.")
  private Phase phase;

  @JsonPropertyDescription("Files planned on this shard.")
  private int files;

  @JsonPropertyDescription("Files that passed.")
  private int passed;

  @JsonPropertyDescription("Files that failed.")
  private int failed;

  @JsonPropertyDescription("Files skipped because an upstream file did not pass.")
  private int skipped;

  @JsonPropertyDescription("Files that hit an infrastructure error.")
  private int errored;

  @JsonPropertyDescription("Sum of the shard's file durations, in milliseconds.")
  private long durationMs;

  @JsonPropertyDescription("Why the shard is in Error, or a problem with its result document.")
  private String message;

  public int getIndex() {
    return index;
  }

  public void setIndex(int index) {
    this.index = index;
  }

  public String getJob() {
    return job;
  }

  public void setJob(String job) {
    this.job = job;
  }

  public Phase getPhase() {
    return phase;
  }

  public void setPhase(Phase phase) {
    this.phase = phase;
  }

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

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
