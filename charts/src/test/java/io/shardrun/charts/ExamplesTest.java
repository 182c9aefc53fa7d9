package io.shardrun.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.shardrun.core.render.SuiteConfigMap;
import io.shardrun.core.pipeline.PipelineValidator;
import io.shardrun.core.run.Manifests;
import io.shardrun.core.run.SpecValidator;
import io.shardrun.core.suite.SuiteParser;
import io.shardrun.crd.v1alpha1.ConcurrencyPolicy;
import io.shardrun.crd.v1alpha1.PipelineStage;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.crd.v1alpha1.TestRunSchedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every file of manifests/examples is what the API and the operator accept, field by field. */
class ExamplesTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final JSONSchemaProps SCHEDULE_SCHEMA = CrdSchemaShape.schemaOf(Path.of("../crd/testrunschedules.shardrun.io-v1.yml"));

  @Test
  void everyExampleParsesStrictlyAgainstTheModel() throws Exception {
    List<Path> files = ShippedExamples.files();
    assertThat(files).extracting(f -> f.getFileName().toString()).containsExactlyInAnyOrder(
        "suite.yaml", "testrun-minimal.yaml", "testrun-balanced-tags.yaml", "testrun-rerun-failed.yaml", "testrun-parallelism.yaml", "testrun-fail-fast.yaml",
        "testrunschedule-nightly.yaml", "testpipeline-release-gates.yaml");
    for (Path file : files) {
      Manifests.Documents docs = ShippedExamples.read(file); // TestRuns and TestPipelines: unknown fields fail
      StrictModel.parse(Files.readString(file), file.toString()); // the ConfigMap: unknown fields fail
      int schedules = Manifests.schedules(Files.readString(file), file.toString()).size(); // unknown fields fail
      assertThat(docs.testRuns().size() + docs.configMaps().size() + docs.testPipelines().size() + schedules)
          .as(file + " holds a TestRun, a TestRunSchedule, a TestPipeline or a ConfigMap").isEqualTo(1);
    }
  }

  /** The shape check of a server-side dry run: the CRD's schema, field by field. */
  @Test
  void theExampleScheduleHasTheShapeItsCrdRequires_andAShapeErrorNamesTheField() throws Exception {
    JsonNode example = YAML.readTree(Files.readString(ShippedExamples.DIR.resolve("testrunschedule-nightly.yaml")));
    assertThat(CrdSchemaShape.problems(example, SCHEDULE_SCHEMA)).isEmpty();

    ObjectNode typo = example.deepCopy();
    ((ObjectNode) typo.at("/spec/template/spec")).put("shard", 4);
    ((ObjectNode) typo.at("/spec")).put("concurencyPolicy", "Forbid");
    ((ObjectNode) typo.at("/spec")).remove("schedule");
    ((ObjectNode) typo.at("/spec/template/spec")).remove("suite");
    assertThat(CrdSchemaShape.problems(typo, SCHEDULE_SCHEMA)).containsExactlyInAnyOrder(
        "spec.schedule: required", "spec.concurencyPolicy: unknown field",
        "spec.template.spec.suite: required", "spec.template.spec.shard: unknown field");
  }

  @Test
  void aTypoInAScheduleIsAnErrorNamingTheField() {
    String typo = "apiVersion: shardrun.io/v1alpha1\nkind: TestRunSchedule\nmetadata: {name: x}\nspec:\n  schedule: '@daily'\n"
        + "  template:\n    spec:\n      suite: {configMap: s}\n      shard: 4\n";
    assertThatThrownBy(() -> Manifests.schedules(typo, "typo.yaml")).hasMessageContaining("unknown field 'shard'");
  }

  /** The TestRun a schedule creates is one the operator accepts. */
  @Test
  void theExampleSchedulesTemplateIsAValidTestRunOfTheExampleSuite() throws Exception {
    TestRunSchedule schedule = Manifests.schedules(Files.readString(ShippedExamples.DIR.resolve("testrunschedule-nightly.yaml")),
        "testrunschedule-nightly.yaml").get(0);
    TestRun run = new TestRun();
    run.setMetadata(new ObjectMetaBuilder().withName(schedule.getMetadata().getName() + "-29000000").build());
    run.setSpec(schedule.getSpec().getTemplate().getSpec());
    assertThat(SpecValidator.problems(run)).isEmpty();
    assertThat(run.getSpec().getSuite().getConfigMap()).isEqualTo(ShippedExamples.suiteConfigMap().getMetadata().getName());
    assertThat(schedule.getSpec().getConcurrencyPolicy()).isEqualTo(ConcurrencyPolicy.REPLACE);
    assertThat(schedule.getSpec().getTimeZone()).isEqualTo("Europe/Berlin");
  }

  @Test
  void aTypoInATestRunIsAnErrorNamingTheField() {
    String typo = "apiVersion: shardrun.io/v1alpha1\nkind: TestRun\nmetadata: {name: x}\nspec:\n  suite: {configMap: s}\n  shard: 4\n";
    assertThatThrownBy(() -> Manifests.read(typo, "typo.yaml")).hasMessageContaining("unknown field 'shard'");
  }

  @Test
  void theSuiteIsValidAndEveryTestRunIsAcceptedByTheOperator() {
    var suite = SuiteParser.parse(SuiteConfigMap.read(ShippedExamples.suiteConfigMap()));
    assertThat(suite.problems()).isEmpty();
    for (TestRun run : ShippedExamples.testRuns()) {
      assertThat(SpecValidator.problems(run)).as(run.getMetadata().getName()).isEmpty();
      assertThat(run.getSpec().getSuite().getConfigMap()).isEqualTo(ShippedExamples.suiteConfigMap().getMetadata().getName());
    }
  }

  /** Each stage's TestRun spec gets the checks of a TestRun (SpecValidator), through the pipeline's own. */
  @Test
  void everyTestPipelineIsAcceptedByTheOperatorAndGatesAsItsCommentsSay() {
    assertThat(ShippedExamples.testPipelines()).singleElement().satisfies(pipeline -> {
      assertThat(PipelineValidator.problems(pipeline)).isEmpty();
      assertThat(pipeline.getSpec().getStages()).extracting(PipelineStage::getName).containsExactly("smoke", "regression", "links");
      assertThat(pipeline.getSpec().getStages()).extracting(PipelineStage::isContinueOnFailure).containsExactly(false, false, true);
    });
    assertThat(ShippedExamples.testRuns()).extracting(r -> r.getMetadata().getName())
        .contains("example-release-smoke", "example-release-regression", "example-release-links");
  }

  @Test
  void aTypoInATestPipelineStageSpecIsAnErrorNamingTheField() {
    String typo = "apiVersion: shardrun.io/v1alpha1\nkind: TestPipeline\nmetadata: {name: x}\nspec:\n  stages:\n"
        + "    - name: a\n      template: {spec: {suite: {configMap: s}, shard: 4}}\n";
    assertThatThrownBy(() -> Manifests.read(typo, "typo.yaml")).hasMessageContaining("unknown field 'shard'");
  }

  @Test
  void theExamplesShowWhatTheirCommentsSay() {
    Map<String, TestRun> runs = ShippedExamples.testRuns().stream().collect(Collectors.toMap(r -> r.getMetadata().getName(), r -> r));
    assertThat(runs.get("example-smoke").getSpec().getSelector().getTags()).containsExactly("smoke", "regression");
    assertThat(runs.get("example-minimal-rerun").getSpec().getRerunFailedOf()).isEqualTo("example-minimal");
    assertThat(runs).containsKey("example-minimal");
    TestRun capped = runs.get("example-capped");
    List<Job> cappedJobs = ShippedExamples.shardJobs().stream()
        .filter(j -> j.getMetadata().getName().startsWith("example-capped-")).toList();
    assertThat(cappedJobs).hasSizeGreaterThan(capped.getSpec().getParallelism());
    assertThat(cappedJobs.stream().filter(j -> !Boolean.TRUE.equals(j.getSpec().getSuspend())))
        .as("at most parallelism shards start at once").hasSize(capped.getSpec().getParallelism());
    assertThat(ShippedExamples.shardJobs().stream().filter(j -> j.getMetadata().getName().startsWith("example-pr-check-")))
        .isNotEmpty().allSatisfy(j -> assertThat(j.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
            .as("every shard stops at the first failure and starts with the others").contains("--fail-fast", "--start-together"));
  }
}
