package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardrun.core.history.History;
import io.shardrun.core.history.HistoryCodec;
import io.shardrun.core.results.Ledger;
import io.shardrun.core.results.LedgerEntry;
import io.shardrun.executor.browser.BrowserProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

/** `shardrun run` on real Chromium against the example site. */
class RunCommandTest {
  static final String SUITE = "../examples/suite";
  static final String SITE = "../examples/site";

  @TempDir Path dir;

  @Test
  void aPassingRunPrintsTheSummaryAndWritesEveryReport() throws Exception {
    Cli cli = Cli.run("run", SUITE, "--serve", SITE, "--include", "^home/", "--shards", "2",
        "--out", dir.resolve("out").toString(), "--junit", dir.resolve("junit.xml").toString(),
        "--ledger", dir.resolve("ledger.tsv").toString(), "--history", dir.resolve("history.json").toString());

    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
    assertThat(cli.out()).contains("4 files on 2 shards (balanced)", "SHARD   FILES  PASSED", "total       4       4       0");
    Element suites = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(dir.resolve("junit.xml").toFile()).getDocumentElement();
    assertThat(suites.getAttribute("tests")).isEqualTo("4");
    assertThat(suites.getAttribute("failures")).isEqualTo("0");
    List<LedgerEntry> ledger = Ledger.parse(Files.readString(dir.resolve("ledger.tsv")), "ledger");
    assertThat(ledger).extracting(LedgerEntry::file)
        .containsExactlyInAnyOrder("home/cookies.json", "home/locale.json", "home/modal.json", "home/navigation.json");
    History history = HistoryCodec.read(Files.readString(dir.resolve("history.json")), "history");
    assertThat(history.files()).containsOnlyKeys("home/cookies.json", "home/locale.json", "home/modal.json", "home/navigation.json");
    try (var runs = Files.list(dir.resolve("out"))) {
      Path runDir = runs.findFirst().orElseThrow();
      assertThat(runDir.resolve("results.json")).content().contains("\"steps\"", "\"observed\"");
      // The run id is the start time; results.json and the ledger give the same instant.
      String startedAt = new com.fasterxml.jackson.databind.ObjectMapper().readTree(runDir.resolve("results.json").toFile())
          .get("startedAt").asText();
      assertThat(runDir.getFileName().toString()).isEqualTo(java.time.format.DateTimeFormatter
          .ofPattern("'run-'yyyyMMdd-HHmmss-SSS").withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.parse(startedAt)));
      assertThat(ledger).extracting(LedgerEntry::at).containsOnly(startedAt);
      assertThat(runDir.resolve("0/junit.xml")).exists();
      assertThat(runDir.resolve("1/junit.xml")).exists();
    }
  }

  @Test
  void aFailureExitsOneAndRerunFailedRunsOnlyWhatFailed() {
    String ledger = dir.resolve("ledger.tsv").toString();
    Cli first = Cli.run("run", SUITE, "--serve", SITE, "--include", "^shop/(search|deliberate-failure)",
        "--out", dir.resolve("out").toString(), "--ledger", ledger, "--history", dir.resolve("h.json").toString());
    assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(1);
    assertThat(first.out()).contains("Not passed:", "failed  shop/deliberate-failure.json (shard 0)",
        "expected '$41.00' but was '$42.00'");

    Cli rerun = Cli.run("run", SUITE, "--serve", SITE, "--rerun-failed", ledger,
        "--out", dir.resolve("out").toString(), "--history", dir.resolve("h.json").toString());
    assertThat(rerun.out()).contains("1 files on 1 shards");
    assertThat(rerun.exitCode()).isEqualTo(1);
  }

  @Test
  void usageErrorsExitTwoSayingWhatToFix() {
    assertThat(Cli.run("run", SUITE, "--shards", "0").err()).isEqualTo("error: --shards must be 1 to 1000, got 0\n");
    Cli regex = Cli.run("run", SUITE, "--include", "shop/(");
    assertThat(regex.exitCode()).isEqualTo(2);
    assertThat(regex.err()).startsWith("error: --include[0]: invalid regular expression 'shop/('");
    Cli both = Cli.run("run", SUITE, "--serve", SITE, "--base-url", "http://x");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("mutually exclusive");
    Cli sharding = Cli.run("run", SUITE, "--sharding", "random");
    assertThat(sharding.exitCode()).isEqualTo(2);
    assertThat(sharding.err()).isEqualTo("error: --sharding must be hash, balanced or dynamic, got 'random'\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"TERM", "INT"})
  void aSignalStopsTheRunAndNoBrowserProcessOutlivesIt(String signal) throws Exception {
    Path suite = Files.createDirectories(dir.resolve("suite"));
    Files.writeString(suite.resolve("slow.json"), """
        {"steps": [{"command": "open", "target": "${BASE_URL}/index.html"}, {"command": "pause", "target": "60000"}]}""");
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "run", suite.toString(), "--serve", SITE, "--out", dir.resolve("out").toString(),
        "--history", dir.resolve("h.json").toString(), "--ledger", dir.resolve("ledger.tsv").toString(),
        "--junit", dir.resolve("junit.xml").toString()));
    Process run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
    // The run's own browser processes: those of its chromedriver, whose folder names its pid (other runs may go on meanwhile).
    String owner = "/owner-" + run.pid() + "-";
    java.util.function.Supplier<List<ProcessHandle>> ours = () -> BrowserProcesses.all().stream()
        .filter(p -> p.info().commandLine().orElse("").contains(owner)).toList();
    List<ProcessHandle> started = await().atMost(Duration.ofSeconds(60)).until(ours::get, found -> found.size() >= 2);

    new ProcessBuilder("kill", "-" + signal, Long.toString(run.pid())).start().waitFor();

    assertThat(run.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).as("the run stopped").isTrue();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(started).noneMatch(ProcessHandle::isAlive));
    assertThat(run.exitValue()).isEqualTo(128 + ("INT".equals(signal) ? 2 : 15));
    assertThat(dir.resolve("out")).as("no run folder, no results.json").satisfiesAnyOf(
        out -> assertThat(out).doesNotExist(), out -> assertThat(out).isEmptyDirectory());
    assertThat(dir.resolve("ledger.tsv")).as("no ledger line").doesNotExist();
    assertThat(dir.resolve("h.json")).as("no history entry").doesNotExist();
    assertThat(dir.resolve("junit.xml")).doesNotExist();
  }
}
