package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.executor.site.StaticSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Variants through `shardrun run` on real Chromium: a matrix of two users from the suite's
 * variants.json, and an A/B pair of two local sites that differ in one text, from --variant.
 */
class RunVariantsTest {
  static final String HELLO_PAGE = """
      <!doctype html><title>hello</title><p id="greeting"></p>
      <script>document.getElementById('greeting').textContent = 'Hello, ' + new URLSearchParams(location.search).get('user');</script>
      """;

  @TempDir Path dir;

  @Test
  void everyFileRunsOncePerUserAndTheStepDiffNamesTheStepAndBothValues() throws Exception {
    Path site = site("site", "A");
    Path suite = Files.createDirectories(dir.resolve("suite"));
    Files.writeString(suite.resolve("variants.json"), """
        {"version": 1, "variants": [
          {"name": "admin", "vars": {"USER": "admin"}},
          {"name": "guest", "vars": {"USER": "guest"}}
        ]}""");
    Files.writeString(suite.resolve("hello.json"), """
        {"steps": [{"command": "open", "target": "${BASE_URL}/hello.html?user=${USER}"},
                   {"command": "assertText", "target": "id=greeting", "value": "Hello, ${USER}"}]}""");
    Files.writeString(suite.resolve("title.json"), """
        {"meta": {"depends_on": ["hello.json"]},
         "steps": [{"command": "open", "target": "${BASE_URL}/hello.html"}, {"command": "assertTitle", "target": "hello"}]}""");
    assertThat(Cli.run("validate", suite.toString()).out()).isEqualTo(suite + ": 2 action files valid\n");

    Path out = dir.resolve("out");
    Cli cli = Cli.run("run", suite.toString(), "--serve", site.toString(), "--out", out.toString(),
        "--history", dir.resolve("history.json").toString(), "--report", dir.resolve("report.html").toString());

    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
    assertThat(cli.out()).contains("4 runs (2 files x 2 variants, compare report)");
    assertThat(RunOutput.statuses(out)).containsOnly(Map.entry("hello.json#admin", "passed"), Map.entry("hello.json#guest", "passed"),
        Map.entry("title.json#admin", "passed"), Map.entry("title.json#guest", "passed"));
    assertThat(RunOutput.file(out, "hello.json#admin").path("message").isTextual()).isFalse();
    assertThat(RunOutput.file(out, "hello.json#guest").get("message").asText()).contains(
        "differs from admin: ",
        "steps[1] assertText id=greeting: observed \"Hello, admin\" in admin, \"Hello, guest\" in guest");
    assertThat(RunOutput.file(out, "title.json#guest").path("message").isTextual()).as("the same page in both").isFalse();
    assertThat(cli.out()).contains("Variants that differ (compare report):", "hello.json#guest (shard 0)");
    assertThat(Files.readString(dir.resolve("report.html"))).contains("<h2>Variants that differ</h2>", "hello.json#guest",
        "observed &quot;Hello, admin&quot; in admin");
    String junit = Files.readString(RunOutput.runDir(out).resolve("junit.xml"));
    assertThat(junit).contains("<testcase classname=\"hello\" file=\"hello.json#admin\" name=\"hello.json [admin]\"",
        "<testcase classname=\"hello\" file=\"hello.json#guest\" name=\"hello.json [guest]\"", "name=\"title.json [guest]\"");
  }

  @Test
  void anAbPairOfTwoSitesFailsStrictlyOnTheStepThatDiffers() throws Exception {
    try (StaticSite a = StaticSite.serve(site("a", "Welcome to A")); StaticSite b = StaticSite.serve(site("b", "Welcome to B"))) {
      Path suite = Files.createDirectories(dir.resolve("suite"));
      Files.writeString(suite.resolve("home.json"), """
          {"steps": [{"command": "open", "target": "${BASE_URL}/index.html"},
                     {"command": "storeText", "target": "id=banner", "value": "banner"},
                     {"command": "assertTitle", "target": "home"}]}""");
      Path out = dir.resolve("out");

      Cli cli = Cli.run("run", suite.toString(), "--out", out.toString(), "--history", dir.resolve("history.json").toString(),
          "--variant", "a=BASE_URL=" + a.baseUrl(), "--variant", "b=BASE_URL=" + b.baseUrl(), "--compare", "strict");

      assertThat(cli.exitCode()).as(cli.out() + cli.err()).isEqualTo(1);
      assertThat(RunOutput.statuses(out)).containsExactly(Map.entry("home.json#a", "passed"), Map.entry("home.json#b", "failed"));
      // The URLs differ only in BASE_URL: the same page on both sites.
      assertThat(RunOutput.file(out, "home.json#b").get("message").asText())
          .isEqualTo("differs from a: steps[1] storeText id=banner: observed \"Welcome to A\" in a, \"Welcome to B\" in b");
      assertThat(cli.out()).contains("home.json#b", "observed \"Welcome to A\" in a, \"Welcome to B\" in b");
    }
  }

  @Test
  void aBadVariantFlagIsRefusedBeforeAnyBrowserStarts() throws Exception {
    Path suite = Files.createDirectories(dir.resolve("suite"));
    Files.writeString(suite.resolve("home.json"), "{\"steps\": [{\"command\": \"open\", \"target\": \"${BASE_URL}/\"}]}");

    Cli twice = Cli.run("run", suite.toString(), "--base-url", "http://127.0.0.1:9", "--variant", "a=X=1", "--variant", "a=X=2");
    assertThat(twice.exitCode()).isEqualTo(2);
    assertThat(twice.err()).contains("--variant[1].name: variant 'a' is named already at --variant[0]");

    Cli pairs = Cli.run("run", suite.toString(), "--base-url", "http://127.0.0.1:9", "--variant", "a=X");
    assertThat(pairs.exitCode()).isEqualTo(2);
    assertThat(pairs.err()).contains("--variant 'a=X': expected NAME=VAR=VALUE,VAR=VALUE..., found 'X'");

    Cli compare = Cli.run("run", suite.toString(), "--base-url", "http://127.0.0.1:9", "--compare", "loose");
    assertThat(compare.exitCode()).isEqualTo(2);
    assertThat(compare.err()).contains("--compare", "expected report or strict, found 'loose'");
  }

  private Path site(String name, String banner) throws Exception {
    Path site = Files.createDirectories(dir.resolve(name));
    Files.writeString(site.resolve("index.html"), "<!doctype html><title>home</title><h1 id=\"banner\">" + banner + "</h1>");
    Files.writeString(site.resolve("hello.html"), HELLO_PAGE);
    return site;
  }
}
