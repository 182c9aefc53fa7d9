package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.action.ActionFile;
import io.shardrun.core.action.Command;
import io.shardrun.core.action.TemplateLibrary;
import io.shardrun.core.run.Manifests;
import io.shardrun.core.run.SpecValidator;
import io.shardrun.core.suite.Suite;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteParser;
import io.shardrun.crd.v1alpha1.TestRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What ships in examples/ must stay valid: users copy it first. */
class ExamplesTest {
  static final Path EXAMPLES = Path.of("../examples");

  @Test
  void theExampleTestRunParsesStrictlyAndIsValid() throws Exception {
    Manifests.Documents docs = Manifests.read(Files.readString(EXAMPLES.resolve("testrun.yaml")), "testrun.yaml");
    assertThat(docs.testRuns()).hasSize(1);
    TestRun run = docs.testRuns().get(0);
    assertThat(SpecValidator.problems(run)).isEmpty();
    assertThat(run.getSpec().getSelector().getExcludeTags()).contains("demo-failure");
  }

  @Test
  void theExampleSuiteIsValidAndUsesTheWholeVocabulary() {
    SuiteParser.Result result = SuiteParser.parse(SuiteFiles.fromDirectory(EXAMPLES.resolve("suite")));
    assertThat(result.problems()).isEmpty();
    Suite suite = result.suite();
    assertThat(suite.files()).hasSizeGreaterThanOrEqualTo(12);
    Set<Command> used = suite.files().values().stream().flatMap(f -> f.steps().stream())
        .map(s -> s.command()).collect(Collectors.toSet());
    assertThat(used).containsAll(Arrays.asList(Command.values()));
    Set<String> origins = suite.files().values().stream().flatMap(f -> f.steps().stream())
        .map(s -> s.origin()).collect(Collectors.toSet());
    for (String template : TemplateLibrary.BUILT_IN) {
      assertThat(origins).as(template).anyMatch(o -> o.contains("template " + template + " "));
    }
    assertThat(suite.files().values()).filteredOn(f -> f.meta().serial()).hasSize(1);
    assertThat(suite.files().values()).filteredOn(f -> f.meta().tags().contains("demo-failure"))
        .extracting(ActionFile::path).containsExactly("shop/deliberate-failure.json");
    assertThat(suite.files().values()).filteredOn(f -> !f.meta().dependsOn().isEmpty()).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void theReadmeDemoCommandRendersTheExample() {
    Cli cli = Cli.run("render-jobs", "-f", EXAMPLES.resolve("testrun.yaml").toString(), "--suite", EXAMPLES.resolve("suite").toString());
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(RenderJobsCommandTest.parse(cli.out())).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .containsExactly("ConfigMap/demo-suite", "ConfigMap/demo-plan", "Job/demo-shard-0", "Job/demo-shard-1");
  }
}
