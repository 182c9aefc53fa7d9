package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** How a set of files ended: the counters a run's summary and each shard report alike. */
public abstract class OutcomeCounts extends FileCounts {
  @JsonPropertyDescription("Milliseconds: for a shard, how long its executor has run its files so far; for the summary,"
      + " the sum over shards (shard time, not wall time).")
  private long durationMs;

  public long getDurationMs() {
    return durationMs;
  }

  public void setDurationMs(long durationMs) {
    this.durationMs = durationMs;
  }
}
