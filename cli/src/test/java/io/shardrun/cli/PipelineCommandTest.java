package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shardrun pipeline} on real Chromium: three stages, the middle one failing, with and without continueOnFailure. */
class PipelineCommandTest {
  static final String PIPELINE = """
      apiVersion: shardrun.io/v1alpha1
      kind: TestPipeline
      metadata: {name: release}
      spec:
        stages:
          - name: smoke
            template: {spec: {suite: {configMap: s}, selector: {include: ["^pass\\\\.json$"]}}}
          - name: regression
            template: {spec: {suite: {configMap: s}, selector: {include: ["^fails\\\\.json$"]}}}
          - name: visual
            continueOnFailure: ALWAYS
            template: {spec: {suite: {configMap: s}, selector: {include: ["^pass\\\\.json$"]}, retries: 3}}
      """;
  @TempDir Path dir;
  Path suite;

  @BeforeEach
  void suite() throws Exception {
    suite = Files.createDirectories(dir.resolve("suite"));
    Files.writeString(suite.resolve("pass.json"), """
        {"steps": [{"command": "open", "target": "${BASE_URL}/index.html"}]}""");
    Files.writeString(suite.resolve("fails.json"), """
        {"steps": [{"command": "open", "target": "${BASE_URL}/index.html"}, {"command": "assertTitle", "target": "not this"}]}""");
  }

  Cli pipeline(boolean continueOnFailure) throws Exception {
    Path file = Files.writeString(dir.resolve("pipeline.yaml"), PIPELINE.replace("ALWAYS", Boolean.toString(continueOnFailure)));
    return Cli.run("pipeline", file.toString(), "--suite", suite.toString(), "--serve", "../examples/site",
        "--out", dir.resolve("out").toString(), "--history", dir.resolve("history.json").toString());
  }

  @Test
  void aFailingMiddleStageStopsAtTheGate() throws Exception {
    Cli cli = pipeline(false);

    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isEqualTo(1);
    assertThat(cli.out()).contains("stage smoke (1/3): TestRun release-smoke", "stage regression (2/3): TestRun release-regression")
        .doesNotContain("stage visual (3/3)")
        .containsPattern("smoke +Succeeded +1 +1 +0 +0 +0")
        .containsPattern("regression +Failed +1 +0 +1 +0 +0")
        .containsPattern("visual +Skipped +0 +0 +0 +0 +0")
        .contains("pipeline Failed: stage regression (2/3) ended Failed; 1 stage skipped");
    assertThat(cli.err()).contains("note: spec.stages[].template.spec.retries (no pods to retry): ignored locally");
  }

  @Test
  void continueOnFailureRunsTheLastStage() throws Exception {
    Cli cli = pipeline(true);

    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isEqualTo(1);
    assertThat(cli.out()).contains("stage visual (3/3): TestRun release-visual")
        .containsPattern("visual +Succeeded +1 +1 +0 +0 +0")
        .contains("pipeline Failed: stage regression (2/3) ended Failed");
  }

  @Test
  void anInvalidPipelineIsAUsageErrorNamingTheStageField() throws Exception {
    Path file = Files.writeString(dir.resolve("pipeline.yaml"), PIPELINE.replace("ALWAYS", "true").replace("retries: 3", "retries: 99"));

    Cli cli = Cli.run("pipeline", file.toString(), "--suite", suite.toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("TestPipeline is invalid", "spec.stages[2].template.spec.retries: expected 0 to 10, found 99");
  }
}
