package io.shardrun.core.suite;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Reversible mapping between suite paths and ConfigMap keys, which allow only
 * {@code [-._a-zA-Z0-9]}: every other byte of the UTF-8 path, and '_' itself, becomes
 * {@code _XX} (upper-case hex). {@code checkout/cart.json} is stored as
 * {@code checkout_2Fcart.json}; names that are already safe stay readable.
 */
public final class SuiteKeys {
  /** ConfigMap annotation marking keys encoded this way; without it keys are plain paths. */
  public static final String ENCODING_ANNOTATION = "shardrun.io/key-encoding";
  public static final String ENCODING = "underscore-hex";
  /** The API server's limit on a ConfigMap key. */
  public static final int MAX_KEY_LENGTH = 253;

  private SuiteKeys() {}

  public static String encode(String path) {
    StringBuilder key = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (isPlain(c)) {
        key.append(c);
      } else {
        key.append('_').append(HexFormat.of().withUpperCase().toHexDigits(b));
      }
    }
    return key.toString();
  }

  /** The path a key encodes; throws IllegalArgumentException for a key this class did not make. */
  public static String decode(String key) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '_') {
        try {
          bytes.write(HexFormat.fromHexDigits(key, i + 1, i + 3));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
          throw new IllegalArgumentException("key '" + key + "' has a bad _XX escape at index " + i);
        }
        i += 2;
      } else if (isPlain(c)) {
        bytes.write(c);
      } else {
        throw new IllegalArgumentException("key '" + key + "' has '" + c + "' at index " + i
            + "; keys hold only [-._a-zA-Z0-9]");
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("key '" + key + "' does not encode UTF-8 text");
    }
  }

  /** A character a key holds as itself: ASCII letters, digits, '-' and '.' ('_' starts an escape). */
  private static boolean isPlain(char c) {
    return c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '.');
  }
}
