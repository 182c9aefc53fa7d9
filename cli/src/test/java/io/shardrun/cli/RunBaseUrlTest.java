package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.executor.site.StaticSite;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code shardrun run --base-url URL}: a site the user serves themselves. */
class RunBaseUrlTest {
  @TempDir Path dir;
  private StaticSite site;
  private Path suite;

  @BeforeEach
  void aSiteAndASuite() throws Exception {
    site = StaticSite.serve(Path.of("../examples/site"));
    suite = Files.createDirectories(dir.resolve("suite"));
    Files.writeString(suite.resolve("home.json"), """
        {"steps": [{"command": "open", "target": "${BASE_URL}/index.html"},
                   {"command": "assertTitle", "target": "Home - Shardrun demo"}]}""");
  }

  @AfterEach
  void stopTheSite() {
    site.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "localhost"})
  void aSiteOnThisMachineIsReachableByAddressOrByName(String host) throws Exception {
    String port = site.baseUrl().substring(site.baseUrl().lastIndexOf(':') + 1);
    Path out = dir.resolve("out");
    Files.writeString(suite.resolve("base.json"), """
        {"steps": [{"command": "assert", "target": "BASE_URL", "value": "http://%s:%s"}]}""".formatted(host, port));

    Cli cli = Cli.run("run", suite.toString(), "--base-url", "http://" + host + ":" + port + "/",
        "--out", out.toString(), "--history", dir.resolve("history.json").toString());

    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
    assertThat(RunOutput.statuses(out)).as("home.json reached the site; base.json saw BASE_URL without its trailing slash")
        .containsExactly(java.util.Map.entry("base.json", "passed"), java.util.Map.entry("home.json", "passed"));
  }

  @Test
  void aBaseUrlThatIsNotAnAbsoluteHttpUrlExitsTwoNamingTheFlag() {
    for (String url : new String[] {"localhost:8080", "/index.html", "http://exa mple.com", "ftp://example.com"}) {
      Cli cli = Cli.run("run", suite.toString(), "--base-url", url, "--out", dir.resolve("out").toString(),
          "--history", dir.resolve("history.json").toString());

      assertThat(cli.exitCode()).as(url).isEqualTo(2);
      assertThat(cli.err()).as(url).isEqualTo("error: --base-url must be an absolute http(s) URL, got '" + url + "'\n");
    }
  }
}
