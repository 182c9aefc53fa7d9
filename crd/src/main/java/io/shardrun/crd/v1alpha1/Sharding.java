package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How files are spread over shards: planned up front (hash, balanced) or taken from a queue as the run goes (dynamic). */
public enum Sharding {
  @JsonProperty("hash")
  HASH,
  @JsonProperty("balanced")
  BALANCED,
  @JsonProperty("dynamic")
  DYNAMIC;

  /** The name users write in YAML and on the command line. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
