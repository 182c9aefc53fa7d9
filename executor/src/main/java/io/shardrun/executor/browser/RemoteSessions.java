package io.shardrun.executor.browser;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.remote.http.ClientConfig;

/**
 * Sessions on a WebDriver server that is already running: the browser sidecar of a shard pod
 * (chromedriver on localhost), or a local chromedriver started by {@link LocalChromedriver}.
 */
public final class RemoteSessions implements SessionFactory {
  private final URL webDriverUrl;
  private final ChromeOptionsSource options;
  private final boolean bidi;
  private final Path extensions;

  /** Builds the options of each new session (a fresh profile folder each time, for example). */
  @FunctionalInterface
  public interface ChromeOptionsSource {
    ChromeOptions next();
  }

  public RemoteSessions(URL webDriverUrl, ChromeOptionsSource options) {
    this(webDriverUrl, options, false, null);
  }

  private RemoteSessions(URL webDriverUrl, ChromeOptionsSource options, boolean bidi, Path extensions) {
    this.webDriverUrl = webDriverUrl;
    this.options = options;
    this.bidi = bidi;
    this.extensions = extensions;
  }

  /**
   * The same sessions with WebDriver BiDi ({@code webSocketUrl}), as {@link ContextSessions}' shared
   * browser needs; it makes each session's start dearer, so only that browser asks for it.
   */
  public RemoteSessions withBiDi() {
    return new RemoteSessions(webDriverUrl, options, true, extensions);
  }

  /**
   * The same sessions, able to load the suite's extensions from {@code folder} (see
   * {@link ExtensionsFolder}): a path the browser reads, which in a shard pod is the sidecar's
   * mount of the extensions at the suite's path.
   */
  public RemoteSessions withExtensionsIn(Path folder) {
    return new RemoteSessions(webDriverUrl, options, bidi, folder);
  }

  @Override
  public BrowserSession open(Duration callLimit) {
    return open(callLimit, SessionNeeds.ANY);
  }

  /** A new session whatever the isolation asked, with the extensions asked for. */
  @Override
  public BrowserSession open(Duration callLimit, SessionNeeds needs) {
    ChromeOptions chrome = options.next();
    if (bidi) {
      chrome.setCapability("webSocketUrl", true);
    }
    if (!needs.extensions().isEmpty()) {
      if (extensions == null) {
        throw new IllegalStateException("these sessions were not told where the suite's extensions are");
      }
      chrome.addArguments(ChromeArgs.extensions(needs.extensions().stream().map(extensions::resolve).toList()));
    }
    // No tracing: Selenium otherwise wraps every command in an OpenTelemetry span, CPU that
    // nothing here reads (bench-executor measured it against a plain client).
    RemoteWebDriver driver = new RemoteWebDriver(webDriverUrl, chrome,
        ClientConfig.defaultConfig().readTimeout(callLimit), false);
    return new Session(driver, StuckBrowser.of(driver.getCapabilities()));
  }

  private static final class Session implements BrowserSession {
    private final RemoteWebDriver driver;
    private final StuckBrowser browser;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean stuck;

    Session(RemoteWebDriver driver, StuckBrowser browser) {
      this.driver = driver;
      this.browser = browser;
    }

    @Override
    public WebDriver driver() {
      return driver;
    }

    @Override
    public void abort() {
      stuck = !browser.stop();
    }

    @Override
    public void close() {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      if (stuck) {
        // The driver answers quit only once the command the page holds ends (at the call limit
        // at most): the file ends now and the quit is sent without waiting for it.
        Thread quit = new Thread(this::quit, "shardrun-quit-stuck-session");
        quit.setDaemon(true);
        quit.start();
      } else {
        quit();
      }
    }

    private void quit() {
      try {
        driver.quit();
      } catch (RuntimeException e) {
        // The session or driver is already gone: nothing left to close.
      }
    }
  }
}
