package io.shardrun.executor.browser;

import io.shardrun.crd.v1alpha1.Isolation;
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
   * A session for one file, kept apart from the files before it as {@code isolation} says (null:
   * as the factory chooses). This factory gives every file a new session.
   */
  default BrowserSession open(Duration callLimit, Isolation isolation) {
    return open(callLimit);
  }
}
