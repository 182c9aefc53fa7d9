package io.shardrun.executor.browser;

/** Opens browser sessions: against a WebDriver URL (a pod's sidecar) or a local chromedriver. */
public interface SessionFactory {
  /**
   * A new session with a clean profile.
   *
   * @throws org.openqa.selenium.WebDriverException when no browser can be started (infrastructure)
   */
  BrowserSession open();
}
