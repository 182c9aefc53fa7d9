package io.shardrun.core.results;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How one step ended. */
public enum StepStatus {
  @JsonProperty("passed")
  PASSED,
  /** An assert*, verify* or action failed (verify* failures let the file go on). */
  @JsonProperty("failed")
  FAILED,
  /** The browser or driver failed under the step. */
  @JsonProperty("error")
  ERROR,
  /** Not reached: an earlier step stopped the file. */
  @JsonProperty("notRun")
  NOT_RUN
}
