package io.shardrun.cli;

import io.shardrun.executor.browser.BrowserTools;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The local browser of run and pipeline: which chromedriver and Chromium to start. */
final class BrowserToolOptions {
  @Option(names = "--chromedriver", paramLabel = "PATH", description = "chromedriver to use. Default: $SHARDRUN_CHROMEDRIVER or /usr/bin/chromedriver.")
  Path chromedriver;

  @Option(names = "--chromium", paramLabel = "PATH", description = "Chromium to use. Default: $SHARDRUN_CHROMIUM or /usr/bin/chromium.")
  Path chromium;

  BrowserTools resolve() {
    return BrowserTools.resolve(chromedriver, chromium);
  }
}
