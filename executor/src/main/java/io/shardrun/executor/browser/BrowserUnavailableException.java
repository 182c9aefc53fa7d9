package io.shardrun.executor.browser;

/** No browser could be started or reached: an infrastructure failure, never a test failure. */
public class BrowserUnavailableException extends RuntimeException {
  public BrowserUnavailableException(String message) {
    super(message);
  }
}
