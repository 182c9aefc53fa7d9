package io.shardrun.executor.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The Chromium command-line flags every Shardrun session uses. */
public final class ChromeArgs {
  private ChromeArgs() {}

  /**
   * Headless Chromium for unattended runs: no sandbox (containers and root), no GPU, no shared
   * memory (small /dev/shm in pods), and no background traffic (updates, sync, first-run) that
   * would stall navigation on a closed network.
   *
   * @param userDataDir a fresh profile folder, or null to let chromedriver make one
   * @param loopbackOnly resolve no host but 127.0.0.1 and localhost: for suites against a local
   *     site, so a stray lookup fails at once instead of waiting on DNS
   */
  public static List<String> headless(Path userDataDir, boolean loopbackOnly) {
    List<String> args = new ArrayList<>(List.of(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--no-default-browser-check",
        "--window-size=1280,800"));
    if (userDataDir != null) {
      args.add("--user-data-dir=" + userDataDir);
    }
    if (loopbackOnly) {
      args.add("--no-proxy-server");
      args.add("--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost");
    }
    return args;
  }
}
