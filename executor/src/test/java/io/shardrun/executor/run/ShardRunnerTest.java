package io.shardrun.executor.run;

import io.shardrun.core.variant.Variants;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.suite.Suite;
import io.shardrun.core.suite.SuiteFile;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteKeys;
import io.shardrun.core.suite.SuiteParser;
import io.shardrun.executor.TestBrowser;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardRunnerTest {
  static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor();
  static final String OPEN = "{\"command\": \"open\", \"target\": \"${BASE_URL}/index.html\"}";

  @AfterAll
  static void stop() {
    WATCHDOG.shutdownNow();
  }

  @Test
  void filesDownstreamOfAFailureAreSkippedAndTheRestStillRuns(@TempDir Path out) {
    Suite suite = SuiteParser.parse(new SuiteFiles(List.of(
        file("login.json", "{\"steps\": [" + OPEN + ", {\"command\": \"assertTitle\", \"target\": \"Wrong\"}]}"),
        file("cart.json", "{\"meta\": {\"depends_on\": [\"login.json\"]}, \"steps\": [" + OPEN + "]}"),
        file("checkout.json", "{\"meta\": {\"depends_on\": [\"cart.json\"]}, \"steps\": [" + OPEN + "]}"),
        file("home.json", "{\"steps\": [" + OPEN + "]}")))).orThrow();
    RunLimits limits = new RunLimits(Duration.ofSeconds(2), Duration.ofSeconds(60), null, Instant.now());
    FileRunner files = new FileRunner(TestBrowser.sessions(), Map.of("BASE_URL", TestBrowser.baseUrl()), limits, out, WATCHDOG);
    List<FileRun> heard = new ArrayList<>();

    List<FileRun> runs = new ShardRunner(suite, files, limits, Variants.NONE, FailFast.off(), heard::add)
        .run(1, List.of("login.json", "cart.json", "checkout.json", "home.json"));

    assertThat(runs).extracting(FileRun::file, FileRun::status, FileRun::message).containsExactly(
        org.assertj.core.groups.Tuple.tuple("login.json", Outcome.FAILED,
            "steps[1] assertTitle Wrong: expected 'Wrong' but was 'Home - Shardrun demo'"),
        org.assertj.core.groups.Tuple.tuple("cart.json", Outcome.SKIPPED, "not run: upstream login.json failed"),
        org.assertj.core.groups.Tuple.tuple("checkout.json", Outcome.SKIPPED, "not run: upstream cart.json skipped"),
        org.assertj.core.groups.Tuple.tuple("home.json", Outcome.PASSED, null));
    assertThat(heard).isEqualTo(runs);
    assertThat(runs).allSatisfy(r -> assertThat(r.shard()).isEqualTo(1));
  }

  private static SuiteFile file(String path, String json) {
    return new SuiteFile(path, SuiteKeys.encode(path), json);
  }
}
