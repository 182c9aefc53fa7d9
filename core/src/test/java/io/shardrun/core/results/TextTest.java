package io.shardrun.core.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {
  @Test
  void textWithinTheLimitIsKeptAsIs() {
    assertThat(Text.truncate("abcde", 5)).isEqualTo("abcde");
    assertThat(Text.truncate(null, 5)).isNull();
  }

  @Test
  void longerTextKeepsItsStartAndAnEllipsisWithinTheLimit() {
    assertThat(Text.truncate("abcdef", 5)).isEqualTo("abcd…");
  }

  @Test
  void truncationNeverSplitsASurrogatePair() {
    String text = "abc\uD83D\uDE00def"; // abc😀def
    assertThat(Text.truncate(text, 5)).isEqualTo("abc…");
    assertThat(Text.truncate(text, 6)).isEqualTo("abc\uD83D\uDE00…");
  }
}
