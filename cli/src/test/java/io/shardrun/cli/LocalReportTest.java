package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardrun.core.Durations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML reports of local runs, from two real runs of two example files: one where
 * shop/deliberate-failure.json fails as shipped (and a history shows shop/search.json flaky), one
 * of a copy of the suite where it is fixed.
 */
class LocalReportTest {
  static final String SELECTION = "^shop/(search|deliberate-failure)";

  @TempDir static Path dir;
  static Cli failingRun;
  static Path failing;
  static Path passing;

  @BeforeAll
  static void twoRuns() throws Exception {
    Path fixed = copy(Path.of(RunCommandTest.SUITE), dir.resolve("fixed-suite"));
    Path broken = fixed.resolve("shop/deliberate-failure.json");
    Files.writeString(broken, Files.readString(broken).replace("\"$41.00\"", "\"$42.00\""));

    // shop/search.json both passed and failed in its last three runs: flaky.
    Files.writeString(dir.resolve("history-failing.json"), """
        {"version": 1, "files": {"shop/search.json": [
          {"durationMs": 3000, "outcome": "passed", "at": "2025-06-01T12:00:00Z"},
          {"durationMs": 3000, "outcome": "failed", "at": "2025-06-02T12:00:00Z"},
          {"durationMs": 3000, "outcome": "passed", "at": "2025-06-03T12:00:00Z"}]}}
        """);
    failingRun = run(RunCommandTest.SUITE, "failing", "--report", dir.resolve("reports/run.html").toString());
    assertThat(failingRun.exitCode()).as(failingRun.out() + failingRun.err()).isEqualTo(1);
    Cli passingRun = run(fixed.toString(), "passing");
    assertThat(passingRun.exitCode()).as(passingRun.out() + passingRun.err()).isZero();
    failing = RunOutput.runDir(dir.resolve("out-failing"));
    passing = RunOutput.runDir(dir.resolve("out-passing"));
  }

  @Test
  void runReportNamesEveryFileAndLinksTheFailureScreenshotRelativeToItself() throws Exception {
    Path report = dir.resolve("reports/run.html");
    assertThat(failingRun.out()).contains("report: " + report + "\n");

    XhtmlDocument html = XhtmlDocument.parse(report);

    assertThat(html.texts("//p[@class='verdict']")).containsExactly("Failed");
    assertThat(results(failing).get("flaky").toString()).isEqualTo("[\"shop/search.json\"]");
    assertThat(html.texts("//div[@data-count='flaky']/dd")).containsExactly("1");
    assertThat(html.texts("//section[@class='flaky']//li")).containsExactly("shop/search.json: passed");
    assertThat(html.texts("//div[@class='row']/div[@class='track']/div/@data-file"))
        .containsExactlyInAnyOrderElementsOf(files(failing));
    List<String> links = html.texts("//a[@class='screenshot']/@href");
    assertThat(links).hasSize(1);
    assertThat(links.get(0)).startsWith("../out-failing/" + failing.getFileName() + "/");
    assertThat(report.getParent().resolve(links.get(0)).normalize())
        .isEqualTo(failing.resolve("0/shop/deliberate-failure/failure.png")).isRegularFile();
  }

  @Test
  void theReportOfOneRunFolderIsTheReportItsRunWrote() throws Exception {
    Path again = dir.resolve("reports/again.html");

    Cli cli = Cli.run("report", failing.toString(), "-o", again.toString());

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out()).isEqualTo("report: " + again + "\n");
    assertThat(again).hasSameTextualContentAs(dir.resolve("reports/run.html"));
  }

  @Test
  void theComparisonShowsEachRunsCountsAndItsPassedAndFailedFilesPerTag() throws Exception {
    Path comparison = dir.resolve("comparison.html");

    Cli cli = Cli.run("report", failing.toString(), passing.toString(), "-o", comparison.toString());

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    XhtmlDocument html = XhtmlDocument.parse(comparison);
    List<JsonNode> runs = List.of(results(failing), results(passing));
    assertThat(html.texts("//section[@class='runs']//tr[1]/th")).containsExactly("", runs.get(0).get("run").asText(),
        runs.get(1).get("run").asText());
    assertThat(html.texts("//section[@class='runs']//tr[th='phase']/td")).containsExactly("Failed", "Succeeded");
    assertThat(html.texts("//section[@class='runs']//tr[th='duration']/td"))
        .containsExactlyElementsOf(runs.stream().map(LocalReportTest::wallTime).toList());
    assertThat(html.texts("//section[@class='runs']//tr[th='files']/td")).containsExactly("2", "2");
    for (String outcome : List.of("passed", "failed", "skipped")) {
      assertThat(html.texts("//section[@class='runs']//tr[th='" + outcome + "']/td")).as(outcome)
          .containsExactlyElementsOf(runs.stream().map(r -> Long.toString(count(r, null, Set.of(outcome)))).toList());
    }
    Set<String> tags = new TreeSet<>();
    runs.forEach(r -> r.get("files").forEach(f -> f.get("tags").forEach(t -> tags.add(t.asText()))));
    assertThat(html.texts("//section[@class='matrix']//tr/th[1]")).containsExactlyElementsOf(
        Stream.concat(Stream.of("tag"), tags.stream()).toList());
    for (String tag : tags) {
      assertThat(html.texts("//section[@class='matrix']//tr[th='" + tag + "']/td")).as(tag)
          .containsExactlyElementsOf(runs.stream().map(r -> cell(r, tag)).toList());
    }
    assertThat(html.texts("//section[@class='matrix']//tr[th='demo-failure']/td")).as("the fixed file")
        .containsExactly("0 / 1", "1 / 0");
  }

  /** A matrix cell as the run's results.json has it: passed / failed (or error), empty without the tag. */
  private static String cell(JsonNode results, String tag) {
    long withTag = count(results, tag, Set.of("passed", "failed", "skipped", "error"));
    return withTag == 0 ? "" : count(results, tag, Set.of("passed")) + " / " + count(results, tag, Set.of("failed", "error"));
  }

  private static long count(JsonNode results, String tag, Set<String> statuses) {
    List<JsonNode> files = new ArrayList<>();
    results.get("files").forEach(files::add);
    return files.stream().filter(f -> statuses.contains(f.get("status").asText()))
        .filter(f -> tag == null || f.get("tags").toString().contains("\"" + tag + "\"")).count();
  }

  private static String wallTime(JsonNode results) {
    return Durations.format(Duration.between(Instant.parse(results.get("startedAt").asText()),
        Instant.parse(results.get("finishedAt").asText())).toMillis());
  }

  private static List<String> files(Path runDir) throws Exception {
    List<String> files = new ArrayList<>();
    results(runDir).get("files").forEach(f -> files.add(f.get("file").asText()));
    return files;
  }

  private static JsonNode results(Path runDir) throws Exception {
    return new ObjectMapper().readTree(runDir.resolve("results.json").toFile());
  }

  private static Cli run(String suite, String name, String... more) {
    List<String> args = new ArrayList<>(List.of("run", suite, "--serve", RunCommandTest.SITE, "--include", SELECTION,
        "--out", dir.resolve("out-" + name).toString(), "--history", dir.resolve("history-" + name + ".json").toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  /** A copy of the folder {@code from} at {@code to}. */
  static Path copy(Path from, Path to) throws Exception {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
    return to;
  }
}
