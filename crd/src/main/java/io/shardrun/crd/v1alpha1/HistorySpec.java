package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** How past runs of the suite inform this one. */
public class HistorySpec {
  public static final int DEFAULT_WINDOW = 10;

  @Min(1)
  @Max(100)
  @JsonPropertyDescription(
      "How many recent runs of each file count for duration estimates (an exponential moving"
          + " average, raised by the failure rate in the window). Default: 10.")
  private Integer window = DEFAULT_WINDOW;

  public Integer getWindow() {
    return window;
  }

  public void setWindow(Integer window) {
    this.window = window;
  }
}
