package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** What a pipeline runs: its stages, in order. */
public class TestPipelineSpec {
  public static final int MAX_STAGES = 20;

  @Required
  @Size(min = 1, max = MAX_STAGES)
  @ValidationRule(value = "self.all(s, self.exists_one(t, t.name == s.name))", message = "stage names must be unique")
  @JsonPropertyDescription("The stages, 1 to 20, run one at a time in this order. A stage starts when the one before it"
      + " Succeeded, or, with continueOnFailure, when it ended in any way.")
  private List<PipelineStage> stages = new ArrayList<>();

  public List<PipelineStage> getStages() {
    return stages;
  }

  public void setStages(List<PipelineStage> stages) {
    this.stages = stages;
  }
}
