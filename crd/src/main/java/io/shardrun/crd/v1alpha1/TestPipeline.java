package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** Ordered stages, each one TestRun, run one after another with a gate between them. */
@Group(TestRun.GROUP)
@Version(TestRun.VERSION)
@ShortNames("tp")
@Categories("shardrun")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Stage", jsonPath = ".status.stage", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class TestPipeline extends CustomResource<TestPipelineSpec, TestPipelineStatus> implements Namespaced {
  public static final String KIND = "TestPipeline";

  @Override
  @JsonPropertyDescription("The stages, in the order they run. Immutable: to run again or differently, create a new TestPipeline.")
  @ValidationRule(value = "self == oldSelf", message = "spec is immutable: create a new TestPipeline to run again or differently")
  public TestPipelineSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Progress, written by the operator from the stages' TestRuns.")
  public TestPipelineStatus getStatus() {
    return super.getStatus();
  }
}
