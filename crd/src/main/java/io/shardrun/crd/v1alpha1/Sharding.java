package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the planner spreads files over shards. */
public enum Sharding {
  @JsonProperty("hash")
  HASH,
  @JsonProperty("balanced")
  BALANCED;

  /** The name users write in YAML and on the command line. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
