package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a dynamic run's batch size is read from {@link BatchSpec#getTarget()}. */
public enum BatchMode {
  @JsonProperty("time")
  TIME,
  @JsonProperty("count")
  COUNT,
  @JsonProperty("off")
  OFF
}
