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

/** A run of a browser action suite, split into shards that each run as one Job. */
@Group(TestRun.GROUP)
@Version(TestRun.VERSION)
@ShortNames("tr")
@Categories("shardrun")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Shards", jsonPath = ".status.shardsFinished", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Passed", jsonPath = ".status.summary.passed", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Failed", jsonPath = ".status.summary.failed", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Flaky", jsonPath = ".status.summary.flaky", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Duration", jsonPath = ".status.duration", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class TestRun extends CustomResource<TestRunSpec, TestRunStatus> implements Namespaced {
  public static final String GROUP = "shardrun.io";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;
  public static final String KIND = "TestRun";

  @Override
  @JsonPropertyDescription("What to run and how: the suite, the shards, the selection, the pods."
      + " Immutable: to run again or differently, create a new TestRun.")
  @ValidationRule(value = "self == oldSelf", message = "spec is immutable: create a new TestRun to run again or differently")
  public TestRunSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Progress and results, written by the operator from the run's Jobs and pods.")
  public TestRunStatus getStatus() {
    return super.getStatus();
  }
}
