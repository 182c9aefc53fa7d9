package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Counts over the selected files of a run. */
public class Summary extends OutcomeCounts {
  @JsonPropertyDescription("Files of this run that are flaky in the suite's history.")
  private int flaky;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyDescription("With spec.variants: how many variants each selected file runs in; files counts (file, variant)"
      + " pairs. Absent without variants.")
  private Integer variants;

  public Integer getVariants() {
    return variants;
  }

  public void setVariants(Integer variants) {
    this.variants = variants;
  }

  public int getFlaky() {
    return flaky;
  }

  public void setFlaky(int flaky) {
    this.flaky = flaky;
  }
}
