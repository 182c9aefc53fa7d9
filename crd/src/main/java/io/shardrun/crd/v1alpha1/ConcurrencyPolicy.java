package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a TestRunSchedule does when a run is due while an earlier one has not finished; as a CronJob's. */
public enum ConcurrencyPolicy {
  /** Start the new run anyway. */
  @JsonProperty("Allow")
  ALLOW,
  /** Skip the due run. */
  @JsonProperty("Forbid")
  FORBID,
  /** Delete the unfinished runs, then start the new one. */
  @JsonProperty("Replace")
  REPLACE
}
