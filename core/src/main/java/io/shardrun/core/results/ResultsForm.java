package io.shardrun.core.results;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The two shapes of a version-1 results document: see {@link ResultsCodec}. */
enum ResultsForm {
  /** One self-contained entry per finished file. */
  @JsonProperty("full")
  FULL,
  /** Files named by their position in the shard's plan, for shards too big for the full form. */
  @JsonProperty("compact")
  COMPACT
}
