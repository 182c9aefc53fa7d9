package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shardrun run --timeout SECONDS}: the whole run's deadline. */
class RunTimeoutTest {
  static final String SITE = "../examples/site";

  @TempDir Path dir;

  @Test
  void theDeadlineStopsTheFileInProgressAndTheFilesLeftEndInError() throws Exception {
    Path suite = Files.createDirectories(dir.resolve("suite"));
    Files.writeString(suite.resolve("a-slow.json"), """
        {"steps": [{"command": "open", "target": "${BASE_URL}/index.html"},
                   {"command": "pause", "target": "60000"},
                   {"command": "assertTitle", "target": "Home - Shardrun demo"}]}""");
    Files.writeString(suite.resolve("b-later.json"), """
        {"steps": [{"command": "open", "target": "${BASE_URL}/index.html"}]}""");
    Path out = dir.resolve("out");

    Cli cli = Cli.run("run", suite.toString(), "--serve", SITE, "--timeout", "8",
        "--out", out.toString(), "--history", dir.resolve("history.json").toString());

    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isEqualTo(2);
    assertThat(RunOutput.statuses(out)).containsExactly(Map.entry("a-slow.json", "failed"), Map.entry("b-later.json", "error"));
    JsonNode slow = RunOutput.file(out, "a-slow.json");
    assertThat(slow.get("message").asText()).isEqualTo("steps[1] pause 60000: the run's deadline (8 s) passed");
    assertThat(slow.get("failedStep").asInt()).isEqualTo(1);
    assertThat(slow.get("steps").get(2).get("status").asText()).isEqualTo("notRun");
    assertThat(RunOutput.file(out, "b-later.json").get("message").asText())
        .isEqualTo("not run: the run's deadline (8 s) passed");
    assertThat(cli.out()).contains("Not passed:", "failed  a-slow.json (shard 0)", "error   b-later.json (shard 0)",
        "not run: the run's deadline (8 s) passed",
        "the run's deadline (--timeout 8 s) passed: the run did not complete");
  }

  @Test
  void theDeadlineStopsAPageWhoseScriptNeverEnds() throws Exception {
    Path site = Files.createDirectories(dir.resolve("site"));
    Files.writeString(site.resolve("loops.html"), "<!doctype html><title>Loops</title><script>while (true) {}</script>");
    Path suite = Files.createDirectories(dir.resolve("suite"));
    Files.writeString(suite.resolve("loops.json"), """
        {"steps": [{"command": "open", "target": "${BASE_URL}/loops.html"}]}""");
    Path out = dir.resolve("out");
    long started = System.nanoTime();

    Cli cli = Cli.run("run", suite.toString(), "--serve", site.toString(), "--timeout", "6",
        "--out", out.toString(), "--history", dir.resolve("history.json").toString());

    long tookMs = (System.nanoTime() - started) / 1_000_000;
    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isEqualTo(2);
    assertThat(tookMs).as("the run ends within 10 s of its deadline").isLessThan(6_000 + 10_000);
    assertThat(RunOutput.file(out, "loops.json").get("message").asText())
        .isEqualTo("steps[0] open ${BASE_URL}/loops.html: the run's deadline (6 s) passed");
  }

  @Test
  void aRunCutShortOnItsLastFileStillExitsTwo() throws Exception {
    Path suite = Files.createDirectories(dir.resolve("suite"));
    Files.writeString(suite.resolve("only.json"), """
        {"steps": [{"command": "open", "target": "${BASE_URL}/index.html"}, {"command": "pause", "target": "60000"}]}""");
    Cli cli = Cli.run("run", suite.toString(), "--serve", SITE, "--timeout", "5",
        "--out", dir.resolve("out").toString(), "--history", dir.resolve("history.json").toString());
    assertThat(cli.exitCode()).as("no file was left unrun, yet the run did not complete").isEqualTo(2);
    assertThat(cli.out()).contains("the run's deadline (--timeout 5 s) passed: the run did not complete");
  }
}
