package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/** How much work a shard of a dynamic run takes at a time. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BatchSpec {
  @JsonPropertyDescription(
      "'time': work units up to 'target' seconds of estimated work; without a target, the queue's"
          + " estimate left over twice the shards, so batches shrink to one unit as the queue drains."
          + " 'count': 'target' work units. 'off': one work unit at a time. Default: time.")
  private BatchMode mode = BatchMode.TIME;

  @Min(1)
  @JsonPropertyDescription("Seconds of estimated work (mode time) or work units (mode count) per batch.")
  private Integer target;

  public BatchMode getMode() {
    return mode;
  }

  public void setMode(BatchMode mode) {
    this.mode = mode == null ? BatchMode.TIME : mode;
  }

  public Integer getTarget() {
    return target;
  }

  public void setTarget(Integer target) {
    this.target = target;
  }
}
