package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** The TestRun a schedule creates each time, or a pipeline stage creates: its labels and annotations, and its spec. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TestRunTemplate {
  @JsonPropertyDescription("Labels and annotations of the TestRuns created.")
  private TemplateMetadata metadata = new TemplateMetadata();

  @Required
  @JsonPropertyDescription("The spec of the TestRuns created: the same fields as a TestRun's spec.")
  private TestRunSpec spec;

  public TemplateMetadata getMetadata() {
    return metadata;
  }

  public void setMetadata(TemplateMetadata metadata) {
    this.metadata = metadata == null ? new TemplateMetadata() : metadata;
  }

  public TestRunSpec getSpec() {
    return spec;
  }

  public void setSpec(TestRunSpec spec) {
    this.spec = spec;
  }
}
