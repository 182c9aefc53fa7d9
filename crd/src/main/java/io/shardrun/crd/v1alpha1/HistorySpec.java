package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** How past runs of the suite inform this one. */
public class HistorySpec {
  public static final int DEFAULT_WINDOW = 10;
  public static final int DEFAULT_FLAKY_MIN_RUNS = 3;

  @Min(1)
  @Max(100)
  @JsonPropertyDescription(
      "How many recent runs of each file count for duration estimates (an exponential moving"
          + " average, raised by the failure rate in the window). Default: 10.")
  private Integer window = DEFAULT_WINDOW;

  @Min(1)
  @Max(100)
  @JsonPropertyDescription(
      "A file is flaky when, within the window, it both passed and failed over at least this"
          + " many runs. Flaky files are counted in status.summary.flaky and listed in"
          + " status.flakyFiles. Default: 3.")
  private Integer flakyMinRuns = DEFAULT_FLAKY_MIN_RUNS;

  public Integer getFlakyMinRuns() {
    return flakyMinRuns;
  }

  public void setFlakyMinRuns(Integer flakyMinRuns) {
    this.flakyMinRuns = flakyMinRuns;
  }

  public Integer getWindow() {
    return window;
  }

  public void setWindow(Integer window) {
    this.window = window;
  }
}
