package io.shardrun.executor.browser;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where chromedriver and Chromium are. Nothing is ever downloaded: they come from the system
 * (Debian's chromium and chromium-driver packages by default).
 */
public record BrowserTools(Path chromedriver, Path chromium) {
  public static final Path DEFAULT_CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final Path DEFAULT_CHROMIUM = Path.of("/usr/bin/chromium");

  /**
   * The given paths, or the environment's SHARDRUN_CHROMEDRIVER / SHARDRUN_CHROMIUM, or the
   * Debian defaults; fails naming what is missing and how to install it.
   */
  public static BrowserTools resolve(Path chromedriver, Path chromium) {
    Path driver = pick(chromedriver, "SHARDRUN_CHROMEDRIVER", DEFAULT_CHROMEDRIVER);
    Path browser = pick(chromium, "SHARDRUN_CHROMIUM", DEFAULT_CHROMIUM);
    for (Path tool : new Path[] {driver, browser}) {
      if (!Files.isExecutable(tool)) {
        throw new BrowserUnavailableException(tool + " is not an executable file; install Chromium and chromedriver"
            + " (Debian: apt-get install -y chromium chromium-driver) or pass --chromedriver/--chromium");
      }
    }
    return new BrowserTools(driver, browser);
  }

  private static Path pick(Path given, String env, Path fallback) {
    if (given != null) {
      return given;
    }
    String fromEnv = System.getenv(env);
    return fromEnv == null || fromEnv.isBlank() ? fallback : Path.of(fromEnv);
  }
}
