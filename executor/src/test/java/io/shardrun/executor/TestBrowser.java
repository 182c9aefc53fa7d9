package io.shardrun.executor;

import io.shardrun.executor.browser.BrowserTools;
import io.shardrun.executor.browser.ChromeArgs;
import io.shardrun.executor.browser.LocalChromedriver;
import io.shardrun.executor.browser.RemoteSessions;
import io.shardrun.executor.browser.SessionFactory;
import io.shardrun.executor.site.StaticSite;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One real chromedriver (Debian's, with headless Chromium) and the example site, shared by the
 * tests of this JVM; both stop when it exits.
 */
public final class TestBrowser {
  private static LocalChromedriver driver;
  private static StaticSite site;

  private TestBrowser() {}

  public static synchronized RemoteSessions sessions() {
    if (driver == null) {
      driver = LocalChromedriver.start(BrowserTools.resolve(null, null), true);
    }
    return driver.sessions();
  }

  /**
   * Sessions shaped like a shard pod's: chromedriver makes each profile, as the sidecar's does, so
   * this JVM cannot find or kill their browsers by profile; only DevTools can stop them.
   */
  public static synchronized SessionFactory podShapedSessions() {
    sessions();
    Path chromium = BrowserTools.resolve(null, null).chromium();
    return new RemoteSessions(driver.url(), () -> new ChromeOptions().setBinary(chromium.toFile())
        .addArguments(ChromeArgs.headless(null, true)));
  }

  /** The example site (examples/site), served on 127.0.0.1. */
  public static synchronized String baseUrl() {
    if (site == null) {
      site = StaticSite.serve(Path.of("../examples/site"));
    }
    return site.baseUrl();
  }
}
