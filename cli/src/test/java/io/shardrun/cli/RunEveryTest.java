package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.history.HistoryCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shardrun run --every}: runs again after each run, the history carried over, each run's summary printed. */
class RunEveryTest {
  @TempDir Path dir;

  @Test
  void runsAgainAfterTheIntervalWithTheHistoryCarriedOver() throws Exception {
    Path suite = Files.createDirectories(dir.resolve("suite"));
    Files.writeString(suite.resolve("home.json"), """
        {"steps": [{"command": "open", "target": "${BASE_URL}/index.html"}]}""");
    Path history = dir.resolve("history.json");

    Cli cli = Cli.run("run", suite.toString(), "--serve", "../examples/site", "--out", dir.resolve("out").toString(),
        "--history", history.toString(), "--every", "1s", "--times", "2");

    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
    assertThat(Pattern.compile("(?m)^total ").matcher(cli.out()).results().count()).as(cli.out()).isEqualTo(2);
    assertThat(cli.err()).containsOnlyOnce("next run in 1s (Ctrl-C to stop)...");
    assertThat(HistoryCodec.read(Files.readString(history), "history").files().get("home.json")).as("both runs in the history").hasSize(2);
    assertThat(Files.list(dir.resolve("out")).filter(Files::isDirectory).count()).as("a folder per run").isEqualTo(2);
  }

  @Test
  void aBadIntervalIsAUsageErrorSayingWhatIsExpected() {
    Cli cli = Cli.run("run", "../examples/suite", "--every", "ten minutes");
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("--every").contains("'ten minutes' is not a duration; expected e.g. 90s, 30m or 1h30m");
  }

  @Test
  void timesNeedsEvery() {
    Cli cli = Cli.run("run", "../examples/suite", "--times", "2");
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("--times applies with --every only");
  }
}
