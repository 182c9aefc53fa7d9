package io.shardrun.executor.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardrun.executor.TestBrowser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.remote.RemoteWebDriver;

/**
 * What stops a browser when WebDriver cannot: DevTools, at the address chromedriver reports (the
 * hung-page tests), else, locally, its processes found by profile.
 */
class StuckBrowserTest {
  static final Duration CALL_LIMIT = Duration.ofSeconds(30);

  @Test
  void withoutDevToolsTheBrowserOfItsProfileIsKilledAndNoOther() {
    try (BrowserSession stuck = TestBrowser.sessions().open(CALL_LIMIT);
        BrowserSession other = TestBrowser.sessions().open(CALL_LIMIT)) {
      assertThat(chromeOption(stuck, "debuggerAddress")).as("where DevTools would be").asString().matches("localhost:\\d+");
      Path profile = profileOf(stuck);
      assertThat(profile).startsWith(BrowserProcesses.ROOT);

      boolean stopped = new StuckBrowser("127.0.0.1:9", profile).stop(); // nothing listens on port 9 (discard)

      assertThat(stopped).isTrue();
      assertThat(ProcessHandle.allProcesses().filter(p -> p.info().arguments()
          .map(args -> List.of(args).contains("--user-data-dir=" + profile)).orElse(false))).isEmpty();
      assertThatThrownBy(() -> stuck.driver().getTitle()).isInstanceOf(WebDriverException.class);
      other.driver().get("about:blank");
      assertThat(other.driver().getTitle()).isEmpty();
    }
  }

  @Test
  void aBrowserWhoseProfileThisJvmDoesNotOwnIsLeftAlone() {
    try (BrowserSession session = TestBrowser.podShapedSessions().open(CALL_LIMIT)) {
      Path profile = profileOf(session);
      assertThat(profile.startsWith(BrowserProcesses.ROOT)).as("chromedriver made it, as a pod's sidecar does").isFalse();

      assertThat(new StuckBrowser(null, profile).stop()).isFalse();

      session.driver().get("about:blank");
      assertThat(session.driver().getTitle()).isEmpty();
    }
  }

  private static Path profileOf(BrowserSession session) {
    Map<?, ?> chrome = (Map<?, ?>) ((RemoteWebDriver) session.driver()).getCapabilities().getCapability("chrome");
    return Path.of((String) chrome.get("userDataDir"));
  }

  private static Object chromeOption(BrowserSession session, String name) {
    return ((Map<?, ?>) ((RemoteWebDriver) session.driver()).getCapabilities().getCapability("goog:chromeOptions")).get(name);
  }
}
