package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** budgets.json through `shardrun validate` and `shardrun run`, on real Chromium against the example site. */
class RunBudgetsTest {
  @TempDir Path dir;

  @Test
  void aRunMeasuresEveryPageIntoResultsJsonAndFailsTheFileOverItsBudget() throws Exception {
    Path suite = Files.createDirectories(dir.resolve("suite"));
    // Sizes, not times: what the example site transfers is far above 100 bytes and far below 5 MB.
    Files.writeString(suite.resolve("budgets.json"), """
        {"version": 1, "budgets": [
          {"route": "/form.html", "transferBytes": 100},
          {"route": "/*.html", "ttfbMs": 5000, "lcpMs": 5000, "transferBytes": 5000000}
        ]}""");
    Files.writeString(suite.resolve("form.json"), """
        {"steps": [{"command": "open", "target": "${BASE_URL}/form.html"}]}""");
    Files.writeString(suite.resolve("home.json"), """
        {"steps": [{"command": "open", "target": "${BASE_URL}/index.html"}, {"command": "assertWithinBudget"}]}""");
    assertThat(Cli.run("validate", suite.toString()).out()).isEqualTo(suite + ": 2 action files valid\n");

    Cli cli = Cli.run("run", suite.toString(), "--serve", "../examples/site", "--out", dir.resolve("out").toString(),
        "--history", dir.resolve("history.json").toString());

    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isEqualTo(1);
    assertThat(cli.out()).containsPattern("steps\\[0] open \\$\\{BASE_URL}/form.html: budget: /form.html transferBytes \\d+ > 100");
    Path results;
    try (var runs = Files.list(dir.resolve("out"))) {
      results = runs.findFirst().orElseThrow().resolve("results.json");
    }
    JsonNode files = new ObjectMapper().readTree(results.toFile()).get("files");
    JsonNode form = files.get(0).get("file").asText().equals("form.json") ? files.get(0) : files.get(1);
    JsonNode home = form == files.get(0) ? files.get(1) : files.get(0);
    assertThat(form.get("status").asText()).isEqualTo("failed");
    JsonNode formPage = form.get("steps").get(0).get("metrics");
    assertThat(formPage.get("url").asText()).isEqualTo("${BASE_URL}/form.html");
    assertThat(formPage.get("route").asText()).isEqualTo("/form.html");
    assertThat(formPage.get("transferBytes").asLong()).isGreaterThan(100);
    assertThat(home.get("status").asText()).isEqualTo("passed");
    JsonNode homePage = home.get("steps").get(0).get("metrics");
    assertThat(homePage.get("route").asText()).isEqualTo("/*.html");
    assertThat(homePage.fieldNames()).toIterable()
        .containsExactly("url", "route", "ttfbMs", "domContentLoadedMs", "loadMs", "lcpMs", "transferBytes");
    assertThat(home.get("steps").get(1).has("metrics")).as("the same page is measured once").isFalse();
  }

  @Test
  void validateReportsEveryProblemOfBudgetsJson() throws Exception {
    Files.writeString(dir.resolve("home.json"), """
        {"steps": [{"command": "assertWithinBudget", "target": "/nope"}]}""");
    Files.writeString(dir.resolve("budgets.json"), """
        {"version": 1, "budgets": [{"route": "/shop/[a]", "lcpMs": -5, "mode": "soft"}]}""");

    Cli cli = Cli.run("validate", dir.toString());

    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.err().lines()).containsExactly(
        "budgets.json: budgets[0].route: '/shop/[a]': expected a URL path with only '*' and '**' as wildcards; no white"
            + " space, query (?), fragment (#), brackets, braces or backslashes",
        "budgets.json: budgets[0].lcpMs: expected a whole number >= 0, found -5",
        "budgets.json: budgets[0].mode: expected 'fail' or 'warn', found 'soft'",
        "home.json: steps[0].target: assertWithinBudget names route '/nope', which budgets.json does not have;"
            + " its routes: none (leave target empty for the budget matching the page)",
        "4 problem(s) in " + dir);
  }
}
