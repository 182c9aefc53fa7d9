package io.shardrun.core.results;

/** Shortening of free text, so failure messages fit size-bounded documents. */
final class Text {
  /** Marks a shortened text: one character, so a limit stays a limit. */
  static final String ELLIPSIS = "…";

  private Text() {}

  /**
   * {@code text} when it has at most {@code maxChars} characters; otherwise its start and
   * {@value #ELLIPSIS}, {@code maxChars} characters in all, never splitting a surrogate pair. Null
   * stays null.
   */
  static String truncate(String text, int maxChars) {
    if (text == null || text.length() <= maxChars) {
      return text;
    }
    int end = maxChars - 1;
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + ELLIPSIS;
  }
}
