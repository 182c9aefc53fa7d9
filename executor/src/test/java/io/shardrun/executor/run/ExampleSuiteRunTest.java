package io.shardrun.executor.run;

import io.shardrun.core.variant.Variants;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.suite.Suite;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteParser;
import io.shardrun.executor.TestBrowser;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example suite uses every command and built-in template; run against the demo site it must pass. */
class ExampleSuiteRunTest {
  static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor();

  @AfterAll
  static void stop() {
    WATCHDOG.shutdownNow();
  }

  @Test
  void everyFilePassesExceptTheDeliberateFailureWhichNamesStepLocatorExpectedAndObserved(@TempDir Path out) {
    Suite suite = SuiteParser.parse(SuiteFiles.fromDirectory(Path.of("../examples/suite"))).orThrow();
    RunLimits limits = new RunLimits(Duration.ofSeconds(10), Duration.ofMinutes(2), null, Instant.now());
    FileRunner files = new FileRunner(TestBrowser.sessions(), Map.of("BASE_URL", TestBrowser.baseUrl()), limits, out, WATCHDOG);
    List<FileRun> runs = new ShardRunner(suite, files, limits, Variants.NONE, FailFast.off(), run -> { }).run(0, suite.graph().order());

    assertThat(runs).hasSize(suite.files().size());
    assertThat(runs).filteredOn(r -> !r.file().equals("shop/deliberate-failure.json"))
        .allSatisfy(r -> assertThat(r.status()).as(r.file() + ": " + r.message()).isEqualTo(Outcome.PASSED));
    FileRun failure = runs.stream().filter(r -> r.file().equals("shop/deliberate-failure.json")).findFirst().orElseThrow();
    assertThat(failure.status()).isEqualTo(Outcome.FAILED);
    assertThat(failure.message()).contains("assertText", "css=", "expected '$41.00' but was '$42.00'");
    assertThat(out.resolve("shop/deliberate-failure/failure.png")).isNotEmptyFile();
  }
}
