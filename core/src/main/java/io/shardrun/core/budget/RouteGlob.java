package io.shardrun.core.budget;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A budget's route: a URL path, where {@code *} stands for any characters within one path segment
 * and {@code **} for any characters across segments. Everything else matches itself, so the path
 * of a URL needs no escaping. Our own syntax rather than a file-system glob: URL paths are not
 * file paths (a trailing '/' matters, nothing is normalised).
 */
public final class RouteGlob {
  private static final Pattern UNSUPPORTED = Pattern.compile("[\\s?#\\[\\]{}\\\\]");

  private RouteGlob() {}

  /** What is wrong with {@code route} as a route; empty when it is one. */
  public static Optional<String> problem(String route) {
    if (!route.startsWith("/")) {
      return Optional.of("expected a URL path starting with '/'");
    }
    if (route.contains("***")) {
      return Optional.of("'***' is not a wildcard; use '*' within a segment or '**' across segments");
    }
    if (UNSUPPORTED.matcher(route).find()) {
      return Optional.of("expected a URL path with only '*' and '**' as wildcards; no white space, query (?), fragment (#),"
          + " brackets, braces or backslashes");
    }
    return Optional.empty();
  }

  /** The pattern {@code route} stands for; the route must be valid. */
  static Pattern compile(String route) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < route.length()) {
      if (route.startsWith("**", i)) {
        regex.append(".*");
        i += 2;
      } else if (route.charAt(i) == '*') {
        regex.append("[^/]*");
        i++;
      } else {
        int next = route.indexOf('*', i);
        int end = next < 0 ? route.length() : next;
        regex.append(Pattern.quote(route.substring(i, end)));
        i = end;
      }
    }
    return Pattern.compile(regex.toString());
  }
}
