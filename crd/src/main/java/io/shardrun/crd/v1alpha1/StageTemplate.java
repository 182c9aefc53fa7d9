package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** The TestRun a stage creates. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StageTemplate {
  @JsonPropertyDescription("Labels and annotations of the stage's TestRun.")
  private StageMetadata metadata = new StageMetadata();

  @Required
  @JsonPropertyDescription("The stage's TestRun spec, exactly as a TestRun's spec.")
  private TestRunSpec spec;

  public StageMetadata getMetadata() {
    return metadata;
  }

  public void setMetadata(StageMetadata metadata) {
    this.metadata = metadata;
  }

  public TestRunSpec getSpec() {
    return spec;
  }

  public void setSpec(TestRunSpec spec) {
    this.spec = spec;
  }
}
