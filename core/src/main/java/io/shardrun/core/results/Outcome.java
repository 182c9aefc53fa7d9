package io.shardrun.core.results;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

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

  /** The outcome as reports, ledgers and messages spell it: as in JSON, e.g. {@code passed}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The outcome a label stands for; null for any other text. */
  public static Outcome ofLabel(String label) {
    for (Outcome outcome : values()) {
      if (outcome.label().equals(label)) {
        return outcome;
      }
    }
    return null;
  }

  /** Failed or errored: what rerun-failed selects and what counts against a file. */
  public boolean isBad() {
    return this == FAILED || this == ERROR;
  }
}
