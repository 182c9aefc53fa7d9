package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `shardrun bench-executor` on real Chromium against the example site, kept small; no timing assertions. */
class BenchExecutorCommandTest {
  static final String SUITE = RunCommandTest.SUITE;
  static final String SITE = RunCommandTest.SITE;
  static final String NUMBER = "\\d+\\.\\d\\d";

  @TempDir Path dir;

  @Test
  void printsTheSuiteTableWithSpeedUpsAndTheBaselineAndTheStepTableWithRatios() {
    Cli cli = Cli.run("bench-executor", "--suite", SUITE, "--site", SITE, "--shards", "1,2", "--repeat", "1",
        "--steps", "5", "--sessions", "2", "--include", "^home/(cookies|navigation|locale)");

    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
    List<String> lines = cli.out().lines().toList();
    assertThat(lines).hasSize(18);
    assertThat(lines.get(0)).isEqualTo("suite: 2 files of " + SUITE + " (without tag demo-failure) against " + SITE
        + ", 1 runs per shard count, parallel = shards");
    assertThat(lines.get(1)).isEqualTo("left out, as the baseline does not map [assertWithinBudget]: home/navigation.json");
    assertThat(lines.get(2)).startsWith("speed-up: against the same isolation at 1 shard;");
    assertThat(lines.get(3).trim().split("\\s+")).containsExactly("shards", "isolation", "passed", "median", "s", "min", "s", "max", "s",
        "speed-up", "context/session");
    assertThat(lines.get(4)).matches(" +1 +context +1/1( +" + NUMBER + "){3} +1\\.00 +" + NUMBER);
    assertThat(lines.get(5)).matches(" +1 +session +1/1( +" + NUMBER + "){3} +1\\.00 +-");
    assertThat(lines.get(6)).matches(" +1 +baseline +1/1( +" + NUMBER + "){3} +- +-");
    assertThat(lines.get(7)).matches(" +2 +context +1/1( +" + NUMBER + "){5}");
    assertThat(lines.get(8)).matches(" +2 +session +1/1( +" + NUMBER + "){4} +-");
    assertThat(lines.get(9)).matches("against the baseline at 1 shard \\(medians\\): context/baseline " + NUMBER
        + ", session/baseline " + NUMBER);
    assertThat(lines.get(10)).isEmpty();
    assertThat(lines.get(11)).isEqualTo("steps: 5 of each command per mode in one session on form.html,"
        + " 5 alternating rounds after a warm-up");
    assertThat(lines.get(12).trim().split("\\s+")).containsExactly("step", "(median)", "direct", "us", "executor", "us", "executor/direct");
    assertThat(lines.get(13)).matches("assertText id=summary +\\d+ +\\d+ +" + NUMBER);
    assertThat(lines.get(14)).matches("type id=full-name x +\\d+ +\\d+ +" + NUMBER);
    assertThat(lines.get(15)).matches("per step \\(both, pair / 2\\) +\\d+ +\\d+ +" + NUMBER);
    assertThat(lines.get(16)).matches("session open \\+ close: median \\d+ ms, min \\d+ ms, max \\d+ ms \\(2 sessions; isolation: session,"
        + " one per file\\)");
    assertThat(lines.get(17)).matches("context open \\+ close: median \\d+ ms, min \\d+ ms, max \\d+ ms \\(2 contexts; isolation: context,"
        + " one per file\\); context/session " + NUMBER);
    assertThat(cli.err()).contains("1 shards, context, run 1/1: ", "1 shards, session, run 1/1: ", "1 shards, baseline, run 1/1: ",
        "2 shards, context, run 1/1: ");
    // An untimed warm-up of each configuration at the first shard count goes before.
    assertThat(cli.err().lines().filter(l -> l.contains("warm-up")).toList()).hasSize(3).allMatch(l -> l.startsWith("1 shards, "));
    assertThat(cli.err().indexOf("warm-up")).isLessThan(cli.err().indexOf("run 1/1"));
  }

  @Test
  void aRunWhereAFileFailsIsReportedAsFailedNotAsATime() throws IOException {
    Path suite = Files.createDirectories(dir.resolve("suite"));
    Files.writeString(suite.resolve("wrong.json"), """
        {"meta": {"name": "expects the wrong summary"},
         "steps": [
           {"command": "open", "target": "${BASE_URL}/form.html"},
           {"command": "assertText", "target": "id=summary", "value": "Saved"}
         ]}
        """);

    Cli cli = Cli.run("bench-executor", "--suite", suite.toString(), "--site", SITE, "--shards", "1", "--repeat", "1",
        "--steps", "1", "--sessions", "1");

    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
    List<String> lines = cli.out().lines().toList();
    assertThat(lines.get(4).trim().split("\\s+")).containsExactly("1", "context", "0/1", "failed", "-", "-", "-", "-");
    assertThat(lines.get(5).trim().split("\\s+")).containsExactly("1", "session", "0/1", "failed", "-", "-", "-", "-");
    assertThat(lines.get(6).trim().split("\\s+")).containsExactly("1", "baseline", "0/1", "failed", "-", "-", "-", "-");
    assertThat(lines.subList(7, 10)).filteredOn(line -> line.matches("failed: 1 shards, (context|session), run 1: 0 of 1 files"
        + " passed; wrong.json failed: .*expected 'Saved' but was 'Not saved yet'.*")).hasSize(2);
    assertThat(lines.subList(7, 10)).contains(
        "failed: 1 shards, baseline, run 1: 0 of 1 files passed; wrong.json: expected 'Saved', got 'Not saved yet'");
    assertThat(lines.get(10)).as("no ratios against a baseline that did not pass").isEmpty();
  }

  @Test
  void badFlagsExitTwoSayingWhatToFix() throws IOException {
    Path emptySite = Files.createDirectories(dir.resolve("site"));
    String missing = dir.resolve("missing").toString();
    String[][] cases = {
      {"--repeat", "0", "--repeat: expected a number >= 1, got 0"},
      {"--steps", "-3", "--steps: expected a number >= 1, got -3"},
      {"--sessions", "0", "--sessions: expected a number >= 1, got 0"},
      {"--shards", "0", "--shards: expected a comma-separated list of shard counts from 1 to 1000, e.g. 2,4,8; got '0'"},
      {"--shards", "1,x", "got '1,x'"},
      {"--suite", missing, "--suite: " + missing + " is not a folder"},
      {"--site", missing, "--site: " + missing + " is not a folder"},
      {"--site", emptySite.toString(), "--site: " + emptySite + " has no form.html"},
      {"--include", "home/(", "--include[0]: invalid regular expression 'home/('"},
      {"--include", "^nothing/", "no files selected in " + SUITE},
    };
    for (String[] c : cases) {
      List<String> args = new ArrayList<>(List.of("bench-executor", c[0], c[1]));
      if (!c[0].equals("--suite")) {
        args.addAll(List.of("--suite", SUITE));
      }
      if (!c[0].equals("--site")) {
        args.addAll(List.of("--site", SITE));
      }
      Cli cli = Cli.run(args.toArray(String[]::new));

      assertThat(cli.exitCode()).as(c[0] + " " + c[1]).isEqualTo(2);
      assertThat(cli.err()).as(c[0] + " " + c[1]).startsWith("error: ").contains(c[2]);
      assertThat(cli.out()).as(c[0] + " " + c[1]).isEmpty();
    }
  }
}
