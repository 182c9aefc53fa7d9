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

/**
 * Creates a TestRun on a cron schedule, as a CronJob creates Jobs. Its name is at most
 * {@value #MAX_NAME} characters, as a CronJob's: each TestRun is named NAME-MINUTES (minutes since
 * the epoch, up to 10 digits), and so stays a valid label value.
 */
@Group(TestRun.GROUP)
@Version(TestRun.VERSION)
@ShortNames("trs")
@Categories("shardrun")
@ValidationRule(value = "self.metadata.name.size() <= " + TestRunSchedule.MAX_NAME,
    message = "metadata.name: at most " + TestRunSchedule.MAX_NAME + " characters, so the names of its TestRuns stay within 63")
@AdditionalPrinterColumn(name = "Schedule", jsonPath = ".spec.schedule", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Suspend", jsonPath = ".spec.suspend", type = AdditionalPrinterColumn.Type.BOOLEAN)
@AdditionalPrinterColumn(name = "Active", jsonPath = ".status.active[*]", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Last Schedule", jsonPath = ".status.lastScheduleTime", type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class TestRunSchedule extends CustomResource<TestRunScheduleSpec, TestRunScheduleStatus> implements Namespaced {
  public static final String KIND = "TestRunSchedule";
  public static final int MAX_NAME = 52;

  @Override
  @JsonPropertyDescription("When to create a TestRun, which one, and how many to keep.")
  public TestRunScheduleSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("The schedule's runs, written by the operator.")
  public TestRunScheduleStatus getStatus() {
    return super.getStatus();
  }
}
