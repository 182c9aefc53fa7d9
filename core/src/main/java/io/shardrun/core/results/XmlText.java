package io.shardrun.core.results;

/**
 * Text made safe for XML 1.0. Escaping is the serializer's job; but some characters (most
 * control characters, lone surrogates, U+FFFE, U+FFFF) cannot appear in an XML 1.0 document at
 * all, not even as character references, and a browser error or page text may well contain them.
 */
public final class XmlText {
  private XmlText() {}

  /** {@code text} without the characters XML 1.0 does not allow; null becomes empty. */
  public static String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder kept = new StringBuilder(text.length());
    text.codePoints().filter(XmlText::allowed).forEach(kept::appendCodePoint);
    return kept.toString();
  }

  /** The {@code Char} production of XML 1.0: tab, line feed, carriage return and the rest above U+001F. */
  private static boolean allowed(int c) {
    return c == 0x9 || c == 0xA || c == 0xD
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }
}
