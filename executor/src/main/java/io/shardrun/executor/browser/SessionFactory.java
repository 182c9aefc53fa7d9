package io.shardrun.executor.browser;

import java.time.Duration;

/** Opens browser sessions: against a WebDriver URL (a pod's sidecar) or a local chromedriver. */
public interface SessionFactory {
  /**
   * A new session with a clean profile.
   *
   * @param callLimit how long any one WebDriver call of the session may wait for its answer, the
   *     session's start included: the bound that holds when nothing else ends a hung call
   * @throws org.openqa.selenium.WebDriverException when no browser can be started (infrastructure)
   */
  BrowserSession open(Duration callLimit);

  /**
   * A session for one file, kept apart from the files before it as it asks, with the extensions
   * it asks for. This factory gives every file a new session and loads no extensions.
   *
   * @throws IllegalStateException when the file asks for extensions
   */
  default BrowserSession open(Duration callLimit, SessionNeeds needs) {
    if (!needs.extensions().isEmpty()) {
      throw new IllegalStateException("these sessions cannot load extensions");
    }
    return open(callLimit);
  }
}
