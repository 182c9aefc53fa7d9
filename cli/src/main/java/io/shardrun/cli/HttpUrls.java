package io.shardrun.cli;

import java.net.URI;
import java.net.URISyntaxException;

/** URL flag values: the site under test, the WebDriver server. */
final class HttpUrls {
  private HttpUrls() {}

  /** Whether {@code url} is an absolute http or https URL with a host. */
  static boolean isAbsolute(String url) {
    try {
      URI uri = new URI(url);
      return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
