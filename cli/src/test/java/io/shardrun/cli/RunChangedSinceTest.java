package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shardrun run --changed-since REF} in a real git repository: the suite lives in
 * {@code e2e/suite/}, the application code it covers in {@code src/}.
 */
class RunChangedSinceTest {
  static final String SITE = "../examples/site";

  @TempDir Path repo;
  @TempDir Path work;
  private final AtomicInteger runs = new AtomicInteger();

  @BeforeEach
  void aRepositoryWithASuiteAndTheCodeItCovers() throws Exception {
    git("init", "-q");
    git("config", "user.name", "Shardrun Test");
    git("config", "user.email", "test@shardrun.invalid");
    git("config", "commit.gpgsign", "false");
    write("e2e/suite/home/index.json", """
        {"meta": {"tags": ["home"]},
         "steps": [{"command": "open", "target": "${BASE_URL}/index.html"},
                   {"command": "assertTitle", "target": "Home - Shardrun demo"}]}""");
    write("e2e/suite/home/nav.json", """
        {"meta": {"depends_on": ["index.json"]},
         "steps": [{"command": "open", "target": "${BASE_URL}/index.html"},
                   {"command": "click", "target": "linkText=Shop"},
                   {"command": "waitForElementPresent", "target": "css=#results li"},
                   {"command": "assertTitle", "target": "Shop - Shardrun demo"}]}""");
    write("e2e/suite/shop/cart.json", """
        {"meta": {"covers": ["src/cart.js"]},
         "steps": [{"command": "open", "target": "${BASE_URL}/shop.html"},
                   {"command": "assertTitle", "target": "Shop - Shardrun demo"}]}""");
    write("e2e/suite/login.json", """
        {"steps": [{"command": "open", "target": "${BASE_URL}/login.html"},
                   {"command": "assertTitle", "target": "Sign in - Shardrun demo"}]}""");
    write("src/cart.js", "export const cart = [];\n");
    commitAll("a suite and the code it covers");
  }

  @Test
  void withNothingChangedNothingRunsAndTheRunSucceeds() {
    Cli cli = run("HEAD");

    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
    assertThat(cli.out()).isEqualTo("no files selected: nothing to run\n");
  }

  @Test
  void aChangedFileRunsWithItsDownstreamAndUntrackedFiles() throws Exception {
    write("e2e/suite/home/index.json", """
        {"meta": {"tags": ["home"]},
         "steps": [{"command": "open", "target": "${BASE_URL}/index.html"},
                   {"command": "assertTitle", "target": "Home - Shardrun demo"},
                   {"command": "assertElementPresent", "target": "id=locale"}]}""");
    write("e2e/suite/new.json", """
        {"steps": [{"command": "open", "target": "${BASE_URL}/form.html"},
                   {"command": "assertTitle", "target": "Form - Shardrun demo"}]}""");

    Path out = work.resolve("changed");
    Cli cli = run("HEAD", out);

    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
    assertThat(cli.out()).contains("3 files on 1 shards");
    assertThat(RunOutput.statuses(out)).containsOnlyKeys("home/index.json", "home/nav.json", "new.json");
    assertThat(RunOutput.statuses(out).values()).containsOnly("passed");
    assertThat(RunOutput.statuses(out).keySet()).as("dependencies first")
        .containsSubsequence("home/index.json", "home/nav.json");
  }

  @Test
  void aChangedSourcePathRunsTheFilesThatCoverIt() throws Exception {
    write("src/cart.js", "export const cart = [];\nexport const total = 0;\n");

    Path out = work.resolve("covers");
    Cli cli = run("HEAD", out);

    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
    assertThat(RunOutput.statuses(out)).containsExactly(java.util.Map.entry("shop/cart.json", "passed"));
  }

  @Test
  void changesSinceAnOlderCommitIncludeCommittedOnes() throws Exception {
    write("e2e/suite/login.json", """
        {"steps": [{"command": "open", "target": "${BASE_URL}/login.html"},
                   {"command": "assertElementPresent", "target": "id=login-form"}]}""");
    commitAll("login checks the form");

    Path out = work.resolve("older");
    Cli cli = run("HEAD~1", out);

    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
    assertThat(RunOutput.statuses(out)).containsOnlyKeys("login.json");
    assertThat(run("HEAD").out()).isEqualTo("no files selected: nothing to run\n");
  }

  @Test
  void pathsWithNonAsciiCharactersAreSelected() throws Exception {
    write("e2e/suite/shop/größe.json", """
        {"steps": [{"command": "open", "target": "${BASE_URL}/shop.html"}]}""");
    commitAll("a file with a non-ASCII name");
    write("e2e/suite/shop/größe.json", """
        {"steps": [{"command": "open", "target": "${BASE_URL}/shop.html"},
                   {"command": "assertTitle", "target": "Shop - Shardrun demo"}]}""");
    write("e2e/suite/café.json", """
        {"steps": [{"command": "open", "target": "${BASE_URL}/index.html"}]}""");

    Path out = work.resolve("non-ascii");
    Cli cli = run("HEAD", out);

    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
    assertThat(cli.out()).contains("2 files on 1 shards");
    assertThat(RunOutput.statuses(out)).containsOnlyKeys("shop/größe.json", "café.json");
  }

  @Test
  void aBadRefExitsTwoNamingTheFlag() {
    Cli cli = run("no-such-ref");

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).startsWith("error: --changed-since").contains("no-such-ref");
    assertThat(cli.out()).doesNotContain("files on");
  }

  @Test
  void aRefThatLooksLikeAnOptionIsAValueAndTouchesNoFile() throws Exception {
    write("precious.txt", "keep me\n");

    Cli cli = run("--output=precious.txt");

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).isEqualTo("error: --changed-since: '--output=precious.txt' names no commit in " + repo.toRealPath() + "\n");
    assertThat(Files.readString(repo.resolve("precious.txt"))).isEqualTo("keep me\n");
  }

  @Test
  void aSuiteOutsideAGitRepositoryExitsTwoNamingTheFlag() throws IOException {
    Path suite = Files.createDirectories(work.resolve("not-a-repo"));
    Files.writeString(suite.resolve("a.json"), """
        {"steps": [{"command": "open", "target": "${BASE_URL}/index.html"}]}""");

    Cli cli = Cli.run("run", suite.toString(), "--changed-since", "HEAD", "--serve", SITE,
        "--out", work.resolve("out").toString(), "--history", work.resolve("history.json").toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).startsWith("error: --changed-since");
  }

  private Cli run(String ref) {
    return run(ref, work.resolve("out-" + runs.incrementAndGet()));
  }

  private Cli run(String ref, Path out) {
    return Cli.run("run", repo.resolve("e2e/suite").toString(), "--changed-since", ref, "--serve", SITE,
        "--out", out.toString(), "--history", work.resolve("history.json").toString());
  }

  private void write(String path, String content) throws IOException {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private void commitAll(String message) throws Exception {
    git("add", "-A");
    git("commit", "-q", "-m", message);
  }

  private void git(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process git = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
    String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(git.waitFor(30, TimeUnit.SECONDS)).as("git %s finished", args[0]).isTrue();
    assertThat(git.exitValue()).as("git %s: %s", String.join(" ", args), output).isZero();
  }
}
