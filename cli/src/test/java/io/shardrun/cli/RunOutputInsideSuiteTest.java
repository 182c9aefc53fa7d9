package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Run from inside the suite folder ({@code cd e2e && shardrun run .}), the default
 * {@code shardrun-out/} lands in the suite: what a run writes is never read back as action files.
 */
class RunOutputInsideSuiteTest {
  @TempDir Path dir;

  /** @param out --out, relative to the temporary folder; the suite is e2e/suite in it */
  @ParameterizedTest
  @ValueSource(strings = {"e2e/suite/shardrun-out", "e2e/suite", "."})
  void aRunsOwnOutputIsNotPartOfTheNextRun(String out) throws Exception {
    Path suite = Files.createDirectories(dir.resolve("e2e/suite"));
    Files.writeString(suite.resolve("home.json"), """
        {"steps": [{"command": "open", "target": "${BASE_URL}/index.html"}]}""");
    String[] args = {"run", suite.toString(), "--serve", "../examples/site",
        "--out", dir.resolve(out).toString(), "--history", suite.resolve("history.json").toString()};

    Cli first = Cli.run(args);
    assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
    assertThat(suite.resolve("history.json")).exists();
    Cli second = Cli.run(args);

    assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
    assertThat(second.out()).contains("1 files on 1 shards");
  }

  @Test
  void aSuiteFileThatOnlyLooksLikeOutputStillRuns() throws Exception {
    Path suite = Files.createDirectories(dir.resolve("suite/shardrun-out"));
    Files.writeString(suite.resolve("results.json"), """
        {"steps": [{"command": "open", "target": "${BASE_URL}/index.html"}]}""");

    Cli cli = Cli.run("run", dir.resolve("suite").toString(), "--serve", "../examples/site",
        "--out", dir.resolve("out").toString(), "--history", dir.resolve("history.json").toString());

    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
    assertThat(RunOutput.statuses(dir.resolve("out"))).containsOnlyKeys("shardrun-out/results.json");
  }
}
