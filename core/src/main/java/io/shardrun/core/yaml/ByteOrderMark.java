package io.shardrun.core.yaml;

/**
 * The byte order mark (U+FEFF) that Windows editors put at the start of a file is dropped, as
 * kubectl does. Anywhere else it would end up, invisible, inside a key or a value, so it is
 * refused where it stands.
 */
final class ByteOrderMark {
  private static final char BOM = '\uFEFF';

  private ByteOrderMark() {}

  /** {@code text} without its leading byte order mark; an error naming the line of any other. */
  static String strip(String text, String source) {
    int misplaced = text.indexOf(BOM, 1);
    if (misplaced >= 0) {
      int lineStart = text.lastIndexOf('\n', misplaced) + 1;
      long line = text.substring(0, misplaced).chars().filter(c -> c == '\n').count() + 1;
      throw new IllegalArgumentException(source + ": line " + line + ", column " + (misplaced - lineStart + 1)
          + ": a byte order mark (U+FEFF), an invisible character, is allowed only at the start of the file; remove it");
    }
    return text.startsWith(String.valueOf(BOM)) ? text.substring(1) : text;
  }
}
