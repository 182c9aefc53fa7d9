package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shardrun run --fail-fast} on real Chromium: the first failure ends the run; the rest is skipped and counted. */
class RunFailFastTest {
  @TempDir Path dir;

  @Test
  void theFirstFailureSkipsEveryFileNotStartedAndTheSummaryGivesTheTimeToIt() throws Exception {
    Path suite = Files.createDirectories(dir.resolve("suite"));
    Files.writeString(suite.resolve("a-fails.json"), """
        {"steps": [{"command": "open", "target": "${BASE_URL}/index.html"}, {"command": "assertTitle", "target": "not this"}]}""");
    for (String name : new String[] {"b", "c", "d"}) {
      Files.writeString(suite.resolve(name + ".json"), """
          {"steps": [{"command": "open", "target": "${BASE_URL}/index.html"}]}""");
    }
    Path out = dir.resolve("out");

    Cli cli = Cli.run("run", suite.toString(), "--serve", "../examples/site", "--out", out.toString(),
        "--history", dir.resolve("history.json").toString(), "--fail-fast");

    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isEqualTo(1);
    assertThat(RunOutput.statuses(out)).containsExactly(Map.entry("a-fails.json", "failed"), Map.entry("b.json", "skipped"),
        Map.entry("c.json", "skipped"), Map.entry("d.json", "skipped"));
    assertThat(RunOutput.file(out, "c.json").get("message").asText()).isEqualTo("skipped (fail-fast): a-fails.json did not pass");
    assertThat(cli.out()).containsPattern("total +4 +0 +1 +3 +0").containsPattern("first failure after \\S+: a-fails.json");
  }
}
