package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** What a difference between the variants of one file does to the run. */
public enum Compare {
  /** Differences are listed in the results; they fail nothing. */
  @JsonProperty("report")
  REPORT,
  /** A variant whose steps differ from the first variant's fails, naming the first difference. */
  @JsonProperty("strict")
  STRICT;

  /** The name users write in YAML, JSON and on the command line. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode a name stands for; null for any other text. */
  public static Compare ofWireName(String name) {
    for (Compare compare : values()) {
      if (compare.wireName().equals(name)) {
        return compare;
      }
    }
    return null;
  }
}
