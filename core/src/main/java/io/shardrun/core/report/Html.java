package io.shardrun.core.report;

import io.shardrun.core.results.XmlText;

/**
 * Text as HTML, one escaping for element content and quoted attribute values alike, so a file
 * name or message can never become markup. Characters no document may hold (most control
 * characters, lone surrogates) are dropped, as in JUnit XML ({@link XmlText}).
 */
final class Html {
  private Html() {}

  /** {@code text} escaped; null becomes empty. */
  static String escape(String text) {
    String clean = XmlText.clean(text);
    StringBuilder out = new StringBuilder(clean.length() + 16);
    for (int i = 0; i < clean.length(); i++) {
      char c = clean.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
