package io.shardrun.executor.browser;

import org.openqa.selenium.WebDriver;

/** One WebDriver session: a fresh browser profile for one action file. */
public interface BrowserSession extends AutoCloseable {
  WebDriver driver();

  /**
   * Stops the browser now, from another thread, even when its page hangs and WebDriver calls no
   * longer return; {@link #close} must still follow. Takes a few seconds at most.
   */
  void abort();

  /** Ends the session and its browser; safe to call twice. */
  @Override
  void close();
}
