package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code shardrun report} refuses: each RUN must be a local run's folder with readable
 * results, and -o a file it can write. Refused, it exits 2 saying which argument is wrong and
 * what was expected, and writes nothing. (Reports of real runs: {@link LocalReportTest}.)
 */
class ReportCommandTest {
  static final String RESULTS = """
      {"run": "run-1", "phase": "Succeeded", "startedAt": "2025-06-01T12:00:00Z", "finishedAt": "2025-06-01T12:00:05Z",
       "flaky": [], "files": [{"file": "a.json", "name": "a", "shard": 0, "status": "passed", "durationMs": 1000,
       "attempts": 1, "tags": ["smoke"], "failedStep": null, "message": null, "steps": [], "startedMs": 1748779200500}]}
      """;

  @TempDir Path dir;
  Path run;
  Path output;

  @BeforeEach
  void aRunFolder() throws Exception {
    run = Files.createDirectories(dir.resolve("run-1"));
    Files.writeString(run.resolve("results.json"), RESULTS);
    output = dir.resolve("report.html");
  }

  @Test
  void aRunFolderMakesItsReport() {
    Cli cli = Cli.run("report", run.toString(), "-o", output.toString());

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(output).content().contains("<title>Shardrun run run-1: Succeeded</title>", "a.json");
  }

  @Test
  void aRunThatIsNoFolder() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "x");

    assertRefused(Cli.run("report", file.toString(), "-o", output.toString()),
        "error: no run folder " + file + " (expected a local run's folder holding results.json, or a finished TestRun's name)\n");
    // A name that could be a TestRun's is looked for on the cluster too: here, none answers.
    System.setProperty("kubeconfig", Kubeconfigs.write(dir, "http://127.0.0.1:1/", "qa").toString());
    try {
      Cli cli = Cli.run("report", run.toString(), "nosuch", "-o", output.toString());
      assertThat(cli.exitCode()).isEqualTo(2);
      assertThat(cli.err()).startsWith("error: no run folder nosuch (expected a local run's folder holding results.json, or a finished"
          + " TestRun's name); as a TestRun: cannot reach the Kubernetes API server at http://127.0.0.1:1/");
      assertThat(output).doesNotExist();
    } finally {
      System.clearProperty("kubeconfig");
    }
  }

  @Test
  void aFolderWithoutResults() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));

    assertRefused(Cli.run("report", run.toString(), empty.toString(), "-o", output.toString()),
        "error: run folder " + empty + ": no results.json (expected a local run's folder holding results.json)\n");
  }

  @Test
  void resultsThatAreNotJson() throws Exception {
    Files.writeString(run.resolve("results.json"), "{\"run\": \"run-1\",");

    Cli cli = Cli.run("report", run.toString(), "-o", output.toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).startsWith("error: " + run.resolve("results.json") + ": not a Shardrun run's results: ")
        .contains("line 1");
    assertThat(output).doesNotExist();
  }

  @Test
  void resultsThatAreSomethingElse() throws Exception {
    Files.writeString(run.resolve("results.json"), "{\"version\": 1, \"files\": {}}"); // a history, say

    assertRefused(Cli.run("report", run.toString(), "-o", output.toString()), "error: " + run.resolve("results.json")
        + ": not a Shardrun run's results: files: expected a list, found a mapping\n");
  }

  @Test
  void resultsThatAreAFolder() throws Exception {
    Path other = Files.createDirectories(dir.resolve("other/results.json")).getParent();

    assertRefused(Cli.run("report", other.toString(), "-o", output.toString()),
        "error: cannot read run results " + other.resolve("results.json") + ": is a folder; expected a file\n");
  }

  @Test
  void anOutputThatIsAFolder() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("reports"));

    Cli cli = Cli.run("report", run.toString(), "-o", folder.toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).isEqualTo("error: -o " + folder + ": is a folder; expected a file\n");
    assertThat(folder).isEmptyDirectory();
  }

  @Test
  void anOutputInsideAFile() throws Exception {
    Path file = Files.writeString(dir.resolve("afile"), "x");

    assertRefused(Cli.run("report", run.toString(), "-o", file.resolve("r.html").toString()),
        "error: -o " + file.resolve("r.html") + ": " + file + " is a file, so no folder can be made inside it\n");
  }

  @Test
  void noOutputOrNoRun() {
    Cli noOutput = Cli.run("report", run.toString());
    assertThat(noOutput.exitCode()).isEqualTo(2);
    assertThat(noOutput.err()).startsWith("error: Missing required option: '--output=FILE'");

    Cli noRun = Cli.run("report", "-o", output.toString());
    assertThat(noRun.exitCode()).isEqualTo(2);
    assertThat(noRun.err()).startsWith("error: Missing required parameter: 'RUN'");
    assertThat(output).doesNotExist();
  }

  private void assertRefused(Cli cli, String error) {
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).isEqualTo(error);
    assertThat(cli.out()).isEmpty();
    assertThat(output).doesNotExist();
  }
}
