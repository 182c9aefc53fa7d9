package io.shardrun.core.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SuiteKeysTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      login.json                 | login.json
      checkout/cart.json         | checkout_2Fcart.json
      a_b.json                   | a_5Fb.json
      my test.json               | my_20test.json
      checkout/größe ü.json      | checkout_2Fgr_C3_B6_C3_9Fe_20_C3_BC.json
      日本/テスト.json             | _E6_97_A5_E6_9C_AC_2F_E3_83_86_E3_82_B9_E3_83_88.json
      a-b.c/D9.json              | a-b.c_2FD9.json
      """)
  void encodesToTheDocumentedKeyAndDecodesBack(String path, String key) {
    assertThat(SuiteKeys.encode(path)).isEqualTo(key);
    assertThat(SuiteKeys.decode(key)).isEqualTo(path);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "checkout/größe ü.json", "日本/テスト.json", "a/b/c/d.json", "__init__.json", "x_2F.json",
      "emoji 🎉/tab\tand~tilde+plus%.json", "Ünïcødé/ÅØ/ñ.json", "trailing/", "_", ""})
  void roundTripsAndKeysUseOnlyConfigMapKeyCharacters(String path) {
    String key = SuiteKeys.encode(path);

    assertThat(key).matches("[-._a-zA-Z0-9]*");
    assertThat(SuiteKeys.decode(key)).isEqualTo(path);
  }

  @Test
  void underscoreIsEscapedSoThatAnEncodedLookingNameStaysDistinct() {
    assertThat(SuiteKeys.encode("a_2Fb.json")).isEqualTo("a_5F2Fb.json").isNotEqualTo(SuiteKeys.encode("a/b.json"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      a_4        | key 'a_4' has a bad _XX escape at index 1
      a_ZZ.json  | key 'a_ZZ.json' has a bad _XX escape at index 1
      ok_2F_     | key 'ok_2F_' has a bad _XX escape at index 5
      """)
  void decodeRejectsABadEscapeWithAMessage(String key, String message) {
    assertThatThrownBy(() -> SuiteKeys.decode(key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      a/b.json    | key 'a/b.json' has '/' at index 1; keys hold only [-._a-zA-Z0-9]
      größe.json  | key 'größe.json' has 'ö' at index 2; keys hold only [-._a-zA-Z0-9]
      """)
  void decodeRejectsCharactersNoEncodedKeyHolds(String key, String message) {
    assertThatThrownBy(() -> SuiteKeys.decode(key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void decodeRejectsEscapesThatAreNotUtf8() {
    assertThatThrownBy(() -> SuiteKeys.decode("a_FF.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key 'a_FF.json' does not encode UTF-8 text");
  }
}
