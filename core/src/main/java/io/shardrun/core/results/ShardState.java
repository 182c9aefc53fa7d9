package io.shardrun.core.results;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a shard is in its run, as its results document says. */
public enum ShardState {
  /** Files are still running: the document lists those finished so far. */
  @JsonProperty("running")
  RUNNING,
  /** Every file of the shard's plan has finished (or been skipped): the document is final. */
  @JsonProperty("done")
  DONE
}
