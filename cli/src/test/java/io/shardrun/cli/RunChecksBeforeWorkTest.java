package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every output path and shared file of {@code shardrun run} is checked before the first browser
 * starts: a problem exits 2 at once, naming the flag, and nothing is written.
 */
class RunChecksBeforeWorkTest {
  @TempDir Path dir;
  Path suite;

  @BeforeEach
  void aSuite() throws Exception {
    suite = Files.createDirectories(dir.resolve("suite"));
    Files.writeString(suite.resolve("home.json"), "{\"steps\": [{\"command\": \"open\", \"target\": \"${BASE_URL}/index.html\"}]}");
  }

  Cli run(String... flags) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", suite.toString(),
        "--serve", "../examples/site", "--out", dir.resolve("out").toString()));
    args.addAll(java.util.List.of(flags));
    if (!args.contains("--history")) {
      args.addAll(java.util.List.of("--history", dir.resolve("h.json").toString()));
    }
    return Cli.run(args.toArray(String[]::new));
  }

  @ParameterizedTest
  @ValueSource(strings = {"--junit", "--report", "--history"})
  void aFilePathThatIsAFolder(String flag) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("reports"));

    assertRefused(run(flag, folder.toString()), "error: " + flag + " " + folder + ": is a folder; expected a file\n");
  }

  @Test
  void anOutputFolderThatIsAFile() throws Exception {
    Path file = Files.writeString(dir.resolve("afile"), "x");

    Cli cli = Cli.run("run", suite.toString(), "--serve", "../examples/site", "--out", file.toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).isEqualTo("error: --out " + file + ": is a file; expected a folder (created when missing)\n");
    assertThat(file).hasContent("x");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--ledger", "--report"})
  void aFolderInsideAFile(String flag) throws Exception {
    Path file = Files.writeString(dir.resolve("afile"), "x");

    assertRefused(run(flag, file.resolve("out.txt").toString()),
        "error: " + flag + " " + file.resolve("out.txt") + ": " + file + " is a file, so no folder can be made inside it\n");
  }

  @Test
  void aChangedModeNeedsChangedSinceAndAKnownMode() {
    assertRefused(run("--changed-mode", "first"), "error: --changed-mode applies with --changed-since only\n");
    assertRefused(run("--changed-since", "HEAD", "--changed-mode", "later"), "error: --changed-mode must be only or first, got 'later'\n");
  }

  @Test
  void aLedgerThatIsNotALedgerIsLeftAsItIs() throws Exception {
    Path notes = Files.writeString(dir.resolve("notes.txt"), "buy milk\n");

    assertRefused(run("--ledger", notes.toString()), "error: --ledger " + notes
        + ":1: not a Shardrun ledger: the first line must be '# shardrun ledger v1'; name a ledger written by --ledger\n");
    assertThat(notes).hasContent("buy milk");
  }

  @Test
  void aHistoryThatIsNotAHistoryIsLeftAsItIs() throws Exception {
    Path history = Files.writeString(dir.resolve("h.json"), "[1, 2]");

    Cli cli = run();

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).startsWith("error: " + history + ": not a Shardrun history document");
    assertThat(history).hasContent("[1, 2]");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void anEnvNameThatIsNotAVariableName() {
    assertRefused(run("--env", "bad name=1"),
        "error: --env 'bad name=1': the name must match [A-Za-z_][A-Za-z0-9_]* (NAME or NAME=VALUE)\n");
  }

  @Test
  void rerunFailedWarnsAboutFailedFilesNoLongerInTheSuite() throws Exception {
    Path ledger = Files.writeString(dir.resolve("ledger.tsv"), "# shardrun ledger v1\n"
        + "run-1\t2026-12-01T10:00:00Z\thome.json\tpassed\t10\n"
        + "run-1\t2026-12-01T10:00:00Z\tgone.json\tfailed\t10\n");

    Cli cli = run("--rerun-failed", ledger.toString());

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.err()).isEqualTo("warning: --rerun-failed " + ledger
        + ": 1 of the files that did not pass are no longer in the suite and are not run: gone.json\n");
    assertThat(cli.out()).isEqualTo("no files selected: nothing to run\n");
  }

  private void assertRefused(Cli cli, String error) {
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).isEqualTo(error);
    assertThat(cli.out()).isEmpty();
    assertThat(dir.resolve("out")).as("nothing ran").doesNotExist();
  }
}
