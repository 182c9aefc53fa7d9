package io.shardrun.core.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlTextTest {
  @Test
  void keepsTabsNewlinesAndAnyLegalCharacter() {
    String text = "a\tb\r\nc ü 日本 \uD83D\uDE00 ]]> \"<&>\"";
    assertThat(XmlText.clean(text)).isEqualTo(text);
  }

  @Test
  void dropsControlCharactersLoneSurrogatesAndNonCharacters() {
    assertThat(XmlText.clean("a\u0000b\u0001c\u001Bd\u0008e\uD800f\uDFFFg\uFFFEh\uFFFFi")).isEqualTo("abcdefghi");
  }

  @Test
  void nullIsEmpty() {
    assertThat(XmlText.clean(null)).isEmpty();
  }
}
