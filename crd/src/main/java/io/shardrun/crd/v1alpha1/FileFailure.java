package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One failed or errored file. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FileFailure {
  @JsonPropertyDescription("Path of the action file relative to the suite root.")
  private String file;

  @JsonPropertyDescription("Shard the file ran on.")
  private Integer shard;

  @JsonPropertyDescription("Index of the failed step, from 0, after template expansion.")
  private Integer step;

  @JsonPropertyDescription("What went wrong: the step, the locator, expected against observed (truncated).")
  private String message;

  public String getFile() {
    return file;
  }

  public void setFile(String file) {
    this.file = file;
  }

  public Integer getShard() {
    return shard;
  }

  public void setShard(Integer shard) {
    this.shard = shard;
  }

  public Integer getStep() {
    return step;
  }

  public void setStep(Integer step) {
    this.step = step;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
