package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardrun.executor.browser.BrowserProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shardrun run --watch}: runs again when the suite changes, until stopped, each run writing its reports. */
class RunWatchTest {
  private static final String VALID = """
      {"steps": [{"command": "open", "target": "${BASE_URL}/index.html"}]}""";

  @TempDir Path dir;
  private Process run;

  @AfterEach
  void stopTheRun() throws InterruptedException {
    if (run != null && run.isAlive()) {
      run.destroy(); // SIGTERM: the run's shutdown hook stops its browsers
      run.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aChangeRunsTheSuiteAgainAndAnInvalidSuiteKeepsTheWatchGoing() throws Exception {
    Path suite = Files.createDirectories(dir.resolve("suite/home"));
    Files.writeString(suite.resolve("index.json"), VALID);
    Path log = dir.resolve("log");
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "run", dir.resolve("suite").toString(), "--watch", "--serve", "../examples/site",
        "--out", dir.resolve("out").toString(), "--history", dir.resolve("h.json").toString(),
        "--report", dir.resolve("report.html").toString()));
    run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    awaitLog(log, "1 files on 1 shards", 1, "watching");
    assertThat(dir.resolve("report.html")).content().contains("data-file=\"home/index.json\"").doesNotContain("new.json");

    Files.writeString(suite.resolve("new.json"), VALID);
    awaitLog(log, "2 files on 1 shards", 1, "watching");

    Files.writeString(suite.resolve("new.json"), "{\"steps\": [");
    awaitLog(log, "error: the suite has 1 problem(s):", 1, "watching");
    assertThat(run.isAlive()).as("still watching after an invalid save:\n" + Files.readString(log)).isTrue();

    Files.writeString(suite.resolve("new.json"), VALID);
    awaitLog(log, "2 files on 1 shards", 2, "watching");
    assertThat(Files.readString(log)).contains("new.json");
    assertThat(dir.resolve("report.html")).as("the report of the last run").content().contains("data-file=\"home/new.json\"");
  }

  /**
   * Waits until {@code text} was printed {@code times} times, then for the watcher's next
   * "watching" line and a quiet moment, so the next change is made once the watch is set up.
   */
  private void awaitLog(Path log, String text, int times, String then) {
    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
      String printed = Files.readString(log);
      assertThat(count(printed, text)).as(printed).isGreaterThanOrEqualTo(times);
      String after = printed.substring(nth(printed, text, times));
      assertThat(after).as(printed).contains(then);
    });
    long size = log.toFile().length();
    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> log.toFile().length() == size);
    assertThat(BrowserProcesses.all().stream().filter(p -> p.parent().map(q -> q.pid() == run.pid()).orElse(false)))
        .as("no chromedriver of the run outlives a run").isEmpty();
  }

  private static int count(String text, String part) {
    Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static int nth(String text, String part, int n) {
    int at = -1;
    for (int i = 0; i < n; i++) {
      at = text.indexOf(part, at + 1);
    }
    return at;
  }
}
