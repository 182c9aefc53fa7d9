package io.shardrun.executor.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.budget.Budgets;
import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.Outcome;
import io.shardrun.executor.HangingSite;
import io.shardrun.executor.browser.RemoteSessions;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A WebDriver server that stops answering, with no DevTools endpoint to reach its browser (a
 * driver other than chromedriver, or a driver hung itself): nothing can stop the browser, yet a
 * file still ends at its limit, because no WebDriver call waits past it for long.
 */
class SilentDriverTest {
  static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor();
  static final HangingSite HANGING = new HangingSite();

  @TempDir Path out;

  @AfterAll
  static void stop() {
    WATCHDOG.shutdownNow();
    HANGING.close();
  }

  @Test
  void aCommandTheDriverNeverAnswersEndsAtTheFilesLimit() throws MalformedURLException {
    FileRun run = run("/silent-driver", """
        {"meta": {"timeout_s": 2}, "steps": [{"command": "open", "target": "http://127.0.0.1:9/"}]}""");

    assertThat(run.status()).isEqualTo(Outcome.FAILED);
    assertThat(run.message()).isEqualTo("steps[0] open http://127.0.0.1:9/: timed out after 2 s (meta.timeout_s, or the run's --file-timeout)");
    assertThat(run.durationMs()).as("the quit the driver never answers is not waited for").isLessThan(2_000 + 5_000);
  }

  @Test
  void aSessionTheDriverNeverStartsEndsAtTheCallLimit() throws MalformedURLException {
    FileRun run = run("/never-answers", """
        {"meta": {"timeout_s": 1}, "steps": [{"command": "open", "target": "http://127.0.0.1:9/"}]}""");

    assertThat(run.status()).isEqualTo(Outcome.ERROR);
    assertThat(run.message()).isEqualTo("no browser session: the driver did not answer in time");
    assertThat(run.durationMs()).isBetween(1_000L, 1_000L + FileRunner.CALL_GRACE.toMillis() + 2_000L);
  }

  private FileRun run(String driverPath, String json) throws MalformedURLException {
    RunLimits limits = new RunLimits(Duration.ofSeconds(1), Duration.ofSeconds(60), null, Instant.now());
    RemoteSessions sessions = new RemoteSessions(URI.create(HANGING.baseUrl() + driverPath).toURL(), ChromeOptions::new);
    return new FileRunner(sessions, Map.of(), limits, out, WATCHDOG).run(FileRunnerTest.parse(json), null, 0, Budgets.NONE);
  }
}
