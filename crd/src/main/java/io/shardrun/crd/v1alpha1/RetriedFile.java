package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A file of a dynamic run that runs again because a pod ended while it held the file unfinished. */
public class RetriedFile {
  @JsonPropertyDescription("Path of the action file relative to the suite root.")
  private String file;

  @JsonPropertyDescription("How many times the file is started: once per pod that ended holding it, once more for the pod that finishes it.")
  private int attempts;

  public RetriedFile() {}

  public RetriedFile(String file, int attempts) {
    this.file = file;
    this.attempts = attempts;
  }

  public String getFile() {
    return file;
  }

  public void setFile(String file) {
    this.file = file;
  }

  public int getAttempts() {
    return attempts;
  }

  public void setAttempts(int attempts) {
    this.attempts = attempts;
  }
}
