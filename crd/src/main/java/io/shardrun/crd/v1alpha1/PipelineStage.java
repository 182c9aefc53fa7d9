package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** One stage of a pipeline: the TestRun it creates, and whether it runs after a stage that did not pass. */
public class PipelineStage {
  public static final String DNS_LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

  @Required
  @Size(max = 63)
  @Pattern(DNS_LABEL)
  @JsonPropertyDescription("The stage's name: a DNS label (a-z, 0-9, '-', at most 63 characters), unique in the"
      + " pipeline. Its TestRun is named PIPELINE-NAME.")
  private String name;

  @JsonPropertyDescription("Run this stage also when the stage before it ended Failed or Error (not only when it"
      + " Succeeded), like a CI step with 'if: always()'. A stage skipped before it is never waited for: a skipped"
      + " stage skips the rest. Default: false.")
  private boolean continueOnFailure;

  @Required
  @JsonPropertyDescription("The TestRun this stage creates: its labels, annotations and spec.")
  private TestRunTemplate template;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public boolean isContinueOnFailure() {
    return continueOnFailure;
  }

  public void setContinueOnFailure(boolean continueOnFailure) {
    this.continueOnFailure = continueOnFailure;
  }

  public TestRunTemplate getTemplate() {
    return template;
  }

  public void setTemplate(TestRunTemplate template) {
    this.template = template;
  }
}
