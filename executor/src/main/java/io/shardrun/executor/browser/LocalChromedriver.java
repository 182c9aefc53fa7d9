package io.shardrun.executor.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A chromedriver this process starts and owns, with headless Chromium sessions on it. Everything
 * it starts lives under a folder named after this process ({@link BrowserProcesses#ownerDir}), so
 * {@link BrowserProcesses#reapOrphans} can find what a crashed run left behind. Closing it, or
 * the JVM shutting down (SIGINT, SIGTERM), stops chromedriver and every browser below it.
 */
public final class LocalChromedriver implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  private final Process process;
  private final Path dir;
  private final URL url;
  private final Path chromium;
  private final boolean loopbackOnly;
  private final AtomicInteger profiles = new AtomicInteger();
  private final Thread shutdownHook;

  private LocalChromedriver(Process process, Path dir, URL url, Path chromium, boolean loopbackOnly) {
    this.process = process;
    this.dir = dir;
    this.url = url;
    this.chromium = chromium;
    this.loopbackOnly = loopbackOnly;
    this.shutdownHook = new Thread(this::stop, "shardrun-chromedriver-cleanup");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts chromedriver on a free loopback port and waits until it answers {@code /status}.
   *
   * @param tools where chromedriver and Chromium are
   * @param loopbackOnly see {@link ChromeArgs#headless}
   * @throws BrowserUnavailableException when it cannot start
   */
  public static LocalChromedriver start(BrowserTools tools, boolean loopbackOnly) {
    Path dir = BrowserProcesses.newOwnerDir();
    int port = freePort();
    ProcessBuilder builder = new ProcessBuilder(tools.chromedriver().toString(), "--port=" + port,
        "--log-path=" + dir.resolve("chromedriver.log"))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("chromedriver.out").toFile());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new BrowserUnavailableException("cannot start " + tools.chromedriver() + ": " + e.getMessage());
    }
    URL url = url("http://127.0.0.1:" + port);
    LocalChromedriver driver = new LocalChromedriver(process, dir, url, tools.chromium(), loopbackOnly);
    driver.awaitReady();
    return driver;
  }

  /** Sessions on this chromedriver, each with a fresh Chromium profile. */
  public RemoteSessions sessions() {
    return new RemoteSessions(url, this::nextOptions);
  }

  public URL url() {
    return url;
  }

  private ChromeOptions nextOptions() {
    Path profile = dir.resolve("profile-" + profiles.incrementAndGet());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(ChromeArgs.headless(profile, loopbackOnly));
    return options;
  }

  private void awaitReady() {
    try {
      new WebDriverStatus(url).await("chromedriver", START_TIMEOUT, this::failIfExited);
    } catch (BrowserUnavailableException e) {
      stop();
      throw e;
    }
  }

  private void failIfExited() {
    if (!process.isAlive()) {
      throw new BrowserUnavailableException("chromedriver exited with code " + process.exitValue() + " at start");
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook runs stop() itself.
    }
  }

  /** Kills chromedriver and every process below it, then removes its folder. */
  private void stop() {
    BrowserProcesses.kill(process.toHandle());
    BrowserProcesses.deleteQuietly(dir);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static URL url(String text) {
    try {
      return URI.create(text).toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
