package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What spec.selector.changedFiles does to a run. */
public enum ChangedMode implements WireNamed {
  /** Only the files the change affects run. */
  @JsonProperty("only")
  ONLY,
  /** Every selected file runs; those the change affects (and what they need) before the rest. */
  @JsonProperty("first")
  FIRST;

  /** The mode a name stands for; null for any other text. */
  public static ChangedMode ofWireName(String name) {
    return WireNamed.ofWireName(values(), name);
  }
}
