package io.shardrun.core.report;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where a failure's screenshot is, as a link target.
 *
 * @param href the URL to link to, not yet escaped for HTML
 * @param local whether it is a file beside the report, which the report may show as a thumbnail;
 *     a remote one is only linked, so the report itself never loads anything over the network
 */
record ScreenshotLink(String href, boolean local) {

  /**
   * The link to {@code screenshot}: an absolute http, https or file URL as it is; anything else is
   * a path relative to the report, each character a URL cannot hold as it is (a space, {@code #},
   * {@code ?}, {@code %}, {@code :}, non-ASCII) percent-encoded, so a file name can neither cut the
   * link short nor turn it into another scheme.
   */
  static ScreenshotLink of(String screenshot) {
    String lower = screenshot.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return new ScreenshotLink(screenshot, false);
    }
    if (lower.startsWith("file:")) {
      return new ScreenshotLink(screenshot, true);
    }
    return new ScreenshotLink(encodePath(screenshot), true);
  }

  private static String encodePath(String path) {
    StringBuilder out = new StringBuilder(path.length() + 8);
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if (keptAsIs(c)) {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }

  /** RFC 3986's unreserved characters, and {@code /} between path segments. */
  private static boolean keptAsIs(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
  }
}
