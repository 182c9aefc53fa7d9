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

  /**
   * Loads these unpacked extensions, and no other. Each flag takes the folders as one
   * comma-separated value, so a folder with a comma in its path is refused rather than split.
   */
  public static List<String> extensions(List<Path> folders) {
    for (Path folder : folders) {
      if (folder.toString().contains(",")) {
        throw new IllegalArgumentException("an extension's folder " + folder + " has a comma in its path,"
            + " which Chromium's --load-extension flag cannot take");
      }
    }
    String list = String.join(",", folders.stream().map(Path::toString).toList());
    return List.of("--load-extension=" + list, "--disable-extensions-except=" + list);
  }
}
