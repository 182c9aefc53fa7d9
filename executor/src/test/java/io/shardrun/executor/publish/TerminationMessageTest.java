package io.shardrun.executor.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminationMessageTest {
  @TempDir Path dir;

  @Test
  void aMessageOfSeveralLinesBecomesOneLine() {
    assertThat(TerminationMessage.of("the suite has 2 problem(s):\n  a.json: steps[0]: unknown command 'opn'\n  b.json: bad JSON\n"))
        .isEqualTo("the suite has 2 problem(s): a.json: steps[0]: unknown command 'opn'; b.json: bad JSON");
  }

  @Test
  void aLongMessageIsCutToOneKibibyteWithoutSplittingACharacter() {
    String message = "ab" + "\uD83D\uDE00".repeat(600); // 4 bytes each: the cut falls inside one
    String cut = TerminationMessage.of(message);
    assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024).isGreaterThan(1016);
    assertThat(cut).endsWith("…");
    assertThat(message).startsWith(cut.substring(0, cut.length() - 1));
  }

  @Test
  void aShortMessageIsKeptWhole() {
    String message = "x".repeat(1024);
    assertThat(TerminationMessage.of(message)).isEqualTo(message);
  }

  @Test
  void writeReplacesTheContentOfTheFileTheKubeletCreated() throws Exception {
    Path log = Files.writeString(dir.resolve("termination-log"), "an earlier message that is longer");
    TerminationMessage.write(log, "the browser sidecar did not answer");
    assertThat(log).hasContent("the browser sidecar did not answer");
  }

  @Test
  void writeLeavesAMissingFileMissing() throws Exception {
    TerminationMessage.write(dir.resolve("termination-log"), "the browser sidecar did not answer");
    assertThat(dir.resolve("termination-log")).doesNotExist();
  }
}
