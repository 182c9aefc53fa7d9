package io.shardrun.core.results;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How one action file ended. */
public enum Outcome {
  /** Every step passed. */
  @JsonProperty("passed")
  PASSED,
  /** An assertion or step failed: the application under test is at fault. */
  @JsonProperty("failed")
  FAILED,
  /** Not run because a file it depends on did not pass. */
  @JsonProperty("skipped")
  SKIPPED,
  /** The browser, driver or session failed: infrastructure, retried per meta.retries. */
  @JsonProperty("error")
  ERROR;

  /** Failed or errored: what rerun-failed selects and what counts against a file. */
  public boolean isBad() {
    return this == FAILED || this == ERROR;
  }
}
