package io.shardrun.executor.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** No chromedriver or Chromium we start may outlive its owner. */
class BrowserProcessesTest {
  static final BrowserTools TOOLS = BrowserTools.resolve(null, null);

  @Test
  void closingALocalChromedriverStopsItAndEveryBrowserBelowIt() {
    int before = BrowserProcesses.all().size();
    LocalChromedriver driver = LocalChromedriver.start(TOOLS, true);
    BrowserSession session = driver.sessions().open(Duration.ofSeconds(30));
    session.driver().get("about:blank");
    assertThat(BrowserProcesses.all().size()).as("chromedriver and Chromium are running")
        .isGreaterThanOrEqualTo(before + 2);

    driver.close(); // without closing the session first: the driver takes its browsers down

    assertThat(BrowserProcesses.all()).hasSize(before);
  }

  @Test
  void processesLeftByACrashedRunAreReapedAtStart() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path dir = Files.createDirectories(BrowserProcesses.ROOT.resolve("owner-" + gone.pid() + "-1"));
    Process orphan = new ProcessBuilder(TOOLS.chromedriver().toString(), "--port=0",
        "--log-path=" + dir.resolve("chromedriver.log")).start();
    await().atMost(Duration.ofSeconds(10)).until(() -> BrowserProcesses.all().stream().anyMatch(p -> p.pid() == orphan.pid()));

    int reaped = BrowserProcesses.reapOrphans();

    assertThat(reaped).isGreaterThanOrEqualTo(1);
    assertThat(orphan.isAlive()).isFalse();
    assertThat(dir).doesNotExist();
  }

  @Test
  void theProcessesOfALiveOwnerAreLeftAlone() {
    try (LocalChromedriver driver = LocalChromedriver.start(TOOLS, true)) {
      int ours = BrowserProcesses.all().size();
      BrowserProcesses.reapOrphans();
      assertThat(BrowserProcesses.all()).hasSize(ours);
      assertThat(driver.sessions()).isNotNull();
    }
  }
}
