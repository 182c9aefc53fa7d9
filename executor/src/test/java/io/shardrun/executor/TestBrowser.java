package io.shardrun.executor;

import io.shardrun.executor.browser.BrowserTools;
import io.shardrun.executor.browser.LocalChromedriver;
import io.shardrun.executor.browser.SessionFactory;
import io.shardrun.executor.site.StaticSite;
import java.nio.file.Path;

/**
 * One real chromedriver (Debian's, with headless Chromium) and the example site, shared by the
 * tests of this JVM; both stop when it exits.
 */
public final class TestBrowser {
  private static LocalChromedriver driver;
  private static StaticSite site;

  private TestBrowser() {}

  public static synchronized SessionFactory sessions() {
    if (driver == null) {
      driver = LocalChromedriver.start(BrowserTools.resolve(null, null), true);
    }
    return driver.sessions();
  }

  /** The example site (examples/site), served on 127.0.0.1. */
  public static synchronized String baseUrl() {
    if (site == null) {
      site = StaticSite.serve(Path.of("../examples/site"));
    }
    return site.baseUrl();
  }
}
