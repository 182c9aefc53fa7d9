package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code shardrun run --help}: every flag, described as docs/local-runs.md describes it. */
class RunHelpTest {
  @Test
  void theHelpNamesTheBaseUrlVariableLiterally() {
    Cli cli = Cli.run("run", "--help");

    assertThat(cli.exitCode()).isZero();
    String help = cli.out().replaceAll("\\s+", " ");
    assertThat(help).contains("--base-url=URL Base URL of the site under test: ${BASE_URL}.",
        "--serve=DIR Serve DIR on 127.0.0.1 and set ${BASE_URL} to it.");
    assertThat(help).doesNotContain("null");
  }

  @Test
  void theHelpListsEveryFlag() {
    String help = Cli.run("run", "--help").out();

    assertThat(help).contains("--shards", "--sharding", "--parallel", "--tag", "--exclude-tag", "--include", "--exclude",
        "--changed-since", "--base-url", "--serve", "--env", "--out", "--junit", "--report", "--ledger", "--rerun-failed", "--history",
        "--timeout", "--file-timeout", "--wait", "--watch", "--chromedriver", "--chromium");
  }
}
