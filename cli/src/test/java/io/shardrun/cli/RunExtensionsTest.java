package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extensions through `shardrun validate` and `shardrun run`: the executor's fixture suite (a
 * content script that adds an element) on real Chromium against the example site.
 */
class RunExtensionsTest {
  static final Path FIXTURE = Path.of("../executor/src/test/resources/suites/extension");

  @TempDir Path dir;

  @Test
  void theFileWithTheExtensionSeesItsElementAndTheOtherDoesNot() throws Exception {
    Path suite = LocalReportTest.copy(FIXTURE, dir.resolve("suite"));
    assertThat(Cli.run("validate", suite.toString()).out()).isEqualTo(suite + ": 2 action files valid\n");

    Cli cli = Cli.run("run", suite.toString(), "--serve", "../examples/site", "--out", dir.resolve("out").toString(),
        "--history", dir.resolve("history.json").toString());

    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
    assertThat(cli.out()).containsPattern("total\\s+2\\s+2\\s+0");
  }

  @Test
  void aBrokenManifestIsAValidateErrorNamingTheFieldAndTheFileUsingIt() throws Exception {
    Path suite = LocalReportTest.copy(FIXTURE, dir.resolve("suite"));
    Files.writeString(suite.resolve("extensions/marker/manifest.json"), """
        {"manifest_version": 3, "version": "1.0",
         "content_scripts": [{"matches": ["<all_urls>"], "js": ["missing.js"]}]}""");

    Cli cli = Cli.run("validate", suite.toString());

    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.err().lines()).containsExactly(
        "extensions/marker/manifest.json: name: missing; expected a non-empty string",
        "extensions/marker/manifest.json: content_scripts[0].js[0]: 'missing.js' is not in extensions/marker/;"
            + " Chromium does not load an extension whose files are missing",
        "with-extension.json: meta.extensions[0]: extension 'marker' has problems; see extensions/marker/",
        "3 problem(s) in " + suite);
  }

  @Test
  void aSuiteWhosePathHoldsACommaIsRefusedBeforeAnyBrowserStarts() throws Exception {
    Path suite = LocalReportTest.copy(FIXTURE, dir.resolve("a,b"));

    Cli cli = Cli.run("run", suite.toString(), "--serve", "../examples/site", "--out", dir.resolve("out").toString(),
        "--history", dir.resolve("history.json").toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).startsWith("error: the suite's extensions are in " + suite.toAbsolutePath().resolve("extensions")
        + ", a path with a comma");
    assertThat(dir.resolve("out")).doesNotExist();
  }
}
