package io.shardrun.core.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.action.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A suite folder with everything that cannot be read in it: all of it reported, the rest read. */
class SuiteFolderReaderTest {
  static final String VALID = "{\"steps\": [{\"command\": \"open\", \"target\": \"/\"}]}";

  @TempDir Path dir;

  @Test
  void everyUnreadableFileIsAProblemAndTheRestIsRead() throws Exception {
    Files.writeString(dir.resolve("a.json"), VALID);
    Files.write(dir.resolve("garbage.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, '{', '}'});
    // Reading /proc/self/mem at offset 0 fails with an I/O error even for root, who may read mode 000 files.
    Files.createSymbolicLink(dir.resolve("unreadable.json"), Path.of("/proc/self/mem"));
    Files.createSymbolicLink(dir.resolve("dangling.json"), Path.of("no-such-target.json"));
    Files.createSymbolicLink(dir.resolve("self.json"), Path.of("self.json"));
    Files.createDirectories(dir.resolve("nested"));
    Files.createSymbolicLink(dir.resolve("nested/loop"), Path.of(".."));
    Files.writeString(dir.resolve("nested/z.json"), VALID);

    SuiteFiles files = SuiteFiles.fromDirectory(dir);

    assertThat(files.files()).extracting(SuiteFile::path).containsExactly("a.json", "nested/z.json");
    assertThat(files.problems()).containsExactlyInAnyOrder(
        new Problem("garbage.json", null, "not UTF-8 text; action files and templates are UTF-8 JSON"),
        new Problem("unreadable.json", null, "cannot be read: Input/output error"),
        new Problem("dangling.json", null, "a symbolic link to a missing file or a link loop"),
        new Problem("self.json", null, "a symbolic link to a missing file or a link loop"),
        new Problem("nested/loop", null, "a symbolic link back to a folder it is in (a loop)"));
  }

  @Test
  void theProblemsComeFirstInTheParsersReportWithTheOtherFilesProblems() throws Exception {
    Files.write(dir.resolve("garbage.json"), new byte[] {(byte) 0xc3, (byte) 0x28});
    Files.writeString(dir.resolve("typo.json"), "{\"steps\": [{\"command\": \"clik\"}]}");

    SuiteParser.Result result = SuiteParser.parse(SuiteFiles.fromDirectory(dir));

    assertThat(result.problems()).extracting(Problem::file).containsExactly("garbage.json", "typo.json");
  }

  @Test
  void aFileNameWithALineBreakOrTabIsAProblemPrintedOnOneLine() throws Exception {
    Files.writeString(dir.resolve("two\nlines.json"), VALID);
    Files.writeString(dir.resolve("tab\there.json"), VALID);

    SuiteFiles files = SuiteFiles.fromDirectory(dir);

    assertThat(files.files()).isEmpty();
    assertThat(files.problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
        "two\\nlines.json: the file name holds a control character (a tab or line break): rename the file;"
            + " results, JUnit and the ledger cannot name it",
        "tab\\there.json: the file name holds a control character (a tab or line break): rename the file;"
            + " results, JUnit and the ledger cannot name it");
  }

  @Test
  void aByteOrderMarkIsPassedOver() throws Exception {
    Files.writeString(dir.resolve("bom.json"), "\uFEFF" + VALID);

    SuiteParser.Result result = SuiteParser.parse(SuiteFiles.fromDirectory(dir));

    assertThat(result.problems()).isEmpty();
    assertThat(result.suite().file("bom.json")).isNotNull();
  }

  @Test
  void hiddenFoldersAreNotWalked() throws Exception {
    Files.createDirectories(dir.resolve(".git/objects"));
    Files.write(dir.resolve(".git/objects/garbage.json"), new byte[] {(byte) 0xff});
    Files.createSymbolicLink(dir.resolve(".git/loop"), Path.of(".."));
    Files.writeString(dir.resolve("a.json"), VALID);

    SuiteFiles files = SuiteFiles.fromDirectory(dir);

    assertThat(files.problems()).isEmpty();
    assertThat(files.files()).extracting(SuiteFile::path).containsExactly("a.json");
  }
}
