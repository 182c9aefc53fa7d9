package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @Test
  void aValidSuitePrintsItsFileCountAndExitsZero(@TempDir Path suite) throws Exception {
    Files.writeString(suite.resolve("home.json"), "{\"steps\": [{\"command\": \"open\", \"target\": \"${BASE_URL}/\"}]}");
    Cli cli = Cli.run("validate", suite.toString());
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).isEqualTo(suite + ": 1 action files valid\n");
  }

  @Test
  void everyProblemOfEveryFileIsPrintedAndTheExitCodeIsOne(@TempDir Path suite) throws Exception {
    Files.writeString(suite.resolve("a.json"), """
        {"meta": {"depends_on": ["missing.json"]},
         "steps": [{"command": "clik", "target": "id=x"}, {"command": "click", "target": "cs=.x"}]}""");
    Files.writeString(suite.resolve("b.json"), "{\"steps\": [");
    Cli cli = Cli.run("validate", suite.toString());
    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.err().lines()).containsExactly(
        "a.json: steps[0].command: unknown command 'clik'; see docs/action-files.md for the commands",
        "a.json: steps[1].target: click expects a locator (css=, xpath=, id=, name= or linkText=) in target, found 'cs=.x'",
        "a.json: meta.depends_on[0]: unknown file 'missing.json'; expected the name or suite-relative path of an action file",
        "b.json: line 1, column 12: invalid JSON: Unexpected end-of-input: expected close marker for Array (start marker at line 1, column 11)",
        "4 problem(s) in " + suite);
  }

  @Test
  void unreadableFilesAreReportedWithEveryOtherProblemInOnePass(@TempDir Path suite) throws Exception {
    Files.write(suite.resolve("binary.json"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0});
    Files.createSymbolicLink(suite.resolve("unreadable.json"), Path.of("/proc/self/mem"));
    Files.createDirectories(suite.resolve("shop"));
    Files.createSymbolicLink(suite.resolve("shop/loop"), Path.of(".."));
    Files.writeString(suite.resolve("shop/new\nline.json"), "{\"steps\": []}");
    Files.writeString(suite.resolve("typo.json"), "{\"steps\": [{\"command\": \"clik\"}]}");

    Cli cli = Cli.run("validate", suite.toString());

    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.err().lines()).containsExactlyInAnyOrder(
        "binary.json: not UTF-8 text; action files and templates are UTF-8 JSON",
        "unreadable.json: cannot be read: Input/output error",
        "shop/loop: a symbolic link back to a folder it is in (a loop)",
        "shop/new\\nline.json: the file name holds a control character (a tab or line break): rename the file;"
            + " results, JUnit and the ledger cannot name it",
        "typo.json: steps[0].command: unknown command 'clik'; see docs/action-files.md for the commands",
        "5 problem(s) in " + suite);
  }

  @Test
  void aMissingFolderIsAUsageError(@TempDir Path dir) {
    Cli cli = Cli.run("validate", dir.resolve("nope").toString());
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("does not exist or is not a folder");
  }

  @Test
  void everySubcommandExplainsItselfWithHelp() {
    for (String command : new String[] {"validate", "plan", "render-jobs", "bench-plan", "bench-dynamic", "bench-executor"}) {
      Cli cli = Cli.run(command, "--help");
      assertThat(cli.exitCode()).as(command).isZero();
      assertThat(cli.out()).as(command).startsWith("Usage: shardrun " + command);
    }
  }
}
