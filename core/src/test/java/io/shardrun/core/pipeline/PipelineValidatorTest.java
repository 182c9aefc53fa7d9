package io.shardrun.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.run.Manifests;
import io.shardrun.crd.v1alpha1.TestPipeline;
import io.shardrun.crd.v1alpha1.TestRun;
import org.junit.jupiter.api.Test;

class PipelineValidatorTest {
  static final String PIPELINE = """
      apiVersion: shardrun.io/v1alpha1
      kind: TestPipeline
      metadata: {name: release, namespace: qa}
      spec:
        stages:
          - name: smoke
            template:
              metadata:
                labels: {team: shop}
                annotations: {owner: qa}
              spec: {suite: {configMap: shop}, selector: {tags: [smoke]}}
          - name: regression
            continueOnFailure: true
            template:
              spec: {suite: {configMap: shop}, shards: 2}
      """;

  static TestPipeline read(String yaml) {
    return Manifests.read(yaml, "pipeline.yaml").testPipelines().get(0);
  }

  @Test
  void aValidPipelineHasNoProblemsAndEachStageBecomesATestRunNamedAfterIt() {
    TestPipeline pipeline = read(PIPELINE);
    assertThat(PipelineValidator.problems(pipeline)).isEmpty();
    TestRun smoke = StageRuns.testRun(pipeline, 0);
    assertThat(smoke.getMetadata().getName()).isEqualTo("release-smoke");
    assertThat(smoke.getMetadata().getNamespace()).isEqualTo("qa");
    assertThat(smoke.getMetadata().getLabels()).containsEntry("team", "shop").containsEntry(StageRuns.PIPELINE_LABEL, "release")
        .containsEntry(StageRuns.STAGE_LABEL, "smoke");
    assertThat(smoke.getMetadata().getAnnotations()).containsEntry("owner", "qa");
    assertThat(smoke.getSpec().getSelector().getTags()).containsExactly("smoke");
    assertThat(StageRuns.testRun(pipeline, 1).getSpec().getShards()).isEqualTo(2);
  }

  @Test
  void eachStageSpecIsCheckedAsATestRunsAndProblemsNameTheStageField() {
    TestPipeline pipeline = read(PIPELINE.replace("shards: 2", "shards: 0"));
    assertThat(PipelineValidator.problems(pipeline)).containsExactly("spec.stages[1].template.spec.shards: expected 1 to 1000, found 0");
  }

  @Test
  void stageNamesAreUniqueDnsLabels() {
    assertThat(PipelineValidator.problems(read(PIPELINE.replace("name: regression", "name: smoke"))))
        .containsExactly("spec.stages[1].name: smoke names an earlier stage too; stage names must be unique");
    assertThat(PipelineValidator.problems(read(PIPELINE.replace("name: regression", "name: Regression.2"))))
        .containsExactly("spec.stages[1].name: expected a DNS label (a-z, 0-9, '-', at most 63 characters), found 'Regression.2'");
  }

  @Test
  void aTestRunNameBeyond253CharactersIsRefusedNamingTheStage() {
    String longName = "r".repeat(200);
    TestPipeline pipeline = read(PIPELINE.replace("name: release", "name: " + longName).replace("name: regression", "name: " + "g".repeat(60)));
    assertThat(PipelineValidator.problems(pipeline)).containsExactly("spec.stages[1].name: the stage's TestRun would be named 261"
        + " characters long (PIPELINE-STAGE); at most 253: shorten the pipeline's or the stage's name");
    assertThat(StageRuns.testRun(pipeline, 0).getMetadata().getLabels().get(StageRuns.PIPELINE_LABEL)).hasSizeLessThanOrEqualTo(63);
  }

  @Test
  void aPipelineWithoutStagesOrTooManyIsRefused() {
    assertThat(PipelineValidator.problems(read("apiVersion: shardrun.io/v1alpha1\nkind: TestPipeline\nmetadata: {name: p}\nspec: {stages: []}\n")))
        .containsExactly("spec.stages: expected 1 to 20 stages, found none");
  }
}
