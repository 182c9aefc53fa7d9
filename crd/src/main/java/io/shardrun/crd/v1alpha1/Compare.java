package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a difference between the variants of one file does to the run. */
public enum Compare implements WireNamed {
  /** Differences are listed in the results; they fail nothing. */
  @JsonProperty("report")
  REPORT,
  /** A variant whose steps differ from the first variant's fails, naming the first difference. */
  @JsonProperty("strict")
  STRICT;

  /** The mode a name stands for; null for any other text. */
  public static Compare ofWireName(String name) {
    return WireNamed.ofWireName(values(), name);
  }
}
