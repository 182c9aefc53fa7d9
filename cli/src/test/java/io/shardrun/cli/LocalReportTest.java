package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of a local run, from a real run of two example files where
 * shop/deliberate-failure.json fails as shipped (and a history shows shop/search.json flaky).
 */
class LocalReportTest {
  static final String SELECTION = "^shop/(search|deliberate-failure)";

  @TempDir static Path dir;
  static Cli failingRun;
  static Path failing;

  @BeforeAll
  static void aRun() throws Exception {
    // shop/search.json both passed and failed in its last three runs: flaky.
    Files.writeString(dir.resolve("history-failing.json"), """
        {"version": 1, "files": {"shop/search.json": [
          {"durationMs": 3000, "outcome": "passed", "at": "2025-06-01T12:00:00Z"},
          {"durationMs": 3000, "outcome": "failed", "at": "2025-06-02T12:00:00Z"},
          {"durationMs": 3000, "outcome": "passed", "at": "2025-06-03T12:00:00Z"}]}}
        """);
    failingRun = run(RunCommandTest.SUITE, "failing", "--report", dir.resolve("reports/run.html").toString());
    assertThat(failingRun.exitCode()).as(failingRun.out() + failingRun.err()).isEqualTo(1);
    failing = RunOutput.runDir(dir.resolve("out-failing"));
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


}
