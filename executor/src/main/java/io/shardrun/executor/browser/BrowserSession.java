package io.shardrun.executor.browser;

import org.openqa.selenium.WebDriver;

/** One WebDriver session: a fresh browser profile for one action file. */
public interface BrowserSession extends AutoCloseable {
  WebDriver driver();

  /** Ends the session and its browser; safe to call twice and from another thread. */
  @Override
  void close();
}
