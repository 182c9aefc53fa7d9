package io.shardrun.executor.browser;

import java.net.URL;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.RemoteWebDriver;

/**
 * Sessions on a WebDriver server that is already running: the browser sidecar of a shard pod
 * (chromedriver on localhost), or a local chromedriver started by {@link LocalChromedriver}.
 */
public final class RemoteSessions implements SessionFactory {
  private final URL webDriverUrl;
  private final ChromeOptionsSource options;

  /** Builds the options of each new session (a fresh profile folder each time, for example). */
  @FunctionalInterface
  public interface ChromeOptionsSource {
    ChromeOptions next();
  }

  public RemoteSessions(URL webDriverUrl, ChromeOptionsSource options) {
    this.webDriverUrl = webDriverUrl;
    this.options = options;
  }

  @Override
  public BrowserSession open() {
    RemoteWebDriver driver = new RemoteWebDriver(webDriverUrl, options.next());
    return new Session(driver);
  }

  private static final class Session implements BrowserSession {
    private final RemoteWebDriver driver;
    private final AtomicBoolean closed = new AtomicBoolean();

    Session(RemoteWebDriver driver) {
      this.driver = driver;
    }

    @Override
    public WebDriver driver() {
      return driver;
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        try {
          driver.quit();
        } catch (RuntimeException e) {
          // The session or driver is already gone: nothing left to close.
        }
      }
    }
  }
}
