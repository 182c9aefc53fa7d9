package io.shardrun.executor.browser;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;

/**
 * A WebDriver server's {@code GET /status}: whether it answers 200, and waiting until it does.
 * Used for a chromedriver this process starts and for a shard pod's browser sidecar, which
 * listens on loopback only, where no kubelet probe can reach it.
 */
public final class WebDriverStatus {
  private static final Duration POLL = Duration.ofMillis(50);

  private final URL status;

  /** @param webDriverUrl the server's base URL, e.g. {@code http://127.0.0.1:9515} */
  public WebDriverStatus(URL webDriverUrl) {
    try {
      this.status = new URL(webDriverUrl, "/status");
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Something to check on every poll; it throws to end the wait early (the server's process exited). */
  @FunctionalInterface
  public interface Check {
    void run();
  }

  /** Whether the server answers {@code /status} with 200 now. */
  private boolean answers() {
    try {
      HttpURLConnection connection = (HttpURLConnection) status.openConnection();
      connection.setConnectTimeout(500);
      connection.setReadTimeout(1000);
      return connection.getResponseCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Polls {@code /status} until it answers 200.
   *
   * @param server what serves it, for the message: "chromedriver", "the browser sidecar"
   * @param timeout how long to wait at most
   * @param check run before each poll; whatever it throws ends the wait
   * @throws BrowserUnavailableException when it did not answer within {@code timeout}, e.g. "the
   *     browser sidecar did not answer http://127.0.0.1:9515/status within 60 s"
   */
  public void await(String server, Duration timeout, Check check) {
    Instant deadline = Instant.now().plus(timeout);
    do {
      check.run();
      if (answers()) {
        return;
      }
      try {
        Thread.sleep(POLL.toMillis()); // polling a server that is starting: nothing to wait on instead
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BrowserUnavailableException("interrupted while waiting for " + server + " to answer " + status);
      }
    } while (Instant.now().isBefore(deadline));
    throw new BrowserUnavailableException(server + " did not answer " + status + " within " + describe(timeout));
  }

  private static String describe(Duration timeout) {
    return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
  }
}
