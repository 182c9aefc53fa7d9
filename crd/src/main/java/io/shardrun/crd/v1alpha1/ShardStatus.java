package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The state of one shard Job, with the counts of the files planned on it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ShardStatus extends OutcomeCounts {
  @JsonPropertyDescription("Shard index, from 0.")
  private int index;

  @JsonPropertyDescription("Name of the shard's Job.")
  private String job;

  @JsonPropertyDescription("Pending, Running, Succeeded, Failed or Error, as for the whole run.")
  private Phase phase;

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

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
