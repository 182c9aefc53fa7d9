package io.shardrun.executor.run;

import io.shardrun.core.variant.Variants;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.results.StepRecord;
import io.shardrun.core.results.StepStatus;
import io.shardrun.core.suite.Suite;
import io.shardrun.core.suite.SuiteFile;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteKeys;
import io.shardrun.core.suite.SuiteParser;
import io.shardrun.executor.HangingSite;
import io.shardrun.executor.TestBrowser;
import io.shardrun.executor.browser.BrowserProcesses;
import io.shardrun.executor.browser.SessionFactory;
import io.shardrun.executor.site.StaticSite;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pages that hang the browser (src/test/resources/hung-site, and a server that never answers):
 * a file stops at its limit, within a few seconds, saying which limit; its browser is gone; and
 * the next file gets a fresh browser that works. At a file's limit the sessions are shaped like a
 * shard pod's, where the executor cannot signal the browser's processes, so DevTools alone must
 * stop them; at the run's deadline they are a local run's.
 */
class HungPageTest {
  static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor();
  /** How far past its limit a stopped file may end. */
  static final Duration FILE_GRACE = Duration.ofSeconds(5);
  /** How far past its deadline a stopped run may end. */
  static final Duration RUN_GRACE = Duration.ofSeconds(10);
  static final String NEXT_FILE = """
      {"steps": [{"command": "open", "target": "${BASE_URL}/ready.html"},
                 {"command": "assertText", "target": "id=ready", "value": "Ready"}]}""";

  static StaticSite site;
  static HangingSite hanging;

  @TempDir Path out;

  @BeforeAll
  static void serve() throws URISyntaxException {
    site = StaticSite.serve(Path.of(HungPageTest.class.getResource("/hung-site").toURI()));
    hanging = new HangingSite();
    // chromedriver started, and Chromium once: a file's duration includes its browser's start,
    // which the first time takes seconds longer; and the processes counted exclude chromedriver.
    TestBrowser.podShapedSessions().open(Duration.ofSeconds(30)).close();
  }

  @AfterAll
  static void stop() {
    WATCHDOG.shutdownNow();
    hanging.close();
    site.close();
  }

  static Stream<Arguments> hungPages() {
    return Stream.of(
        Arguments.of("a script that loops on load", """
            [{"command": "open", "target": "${BASE_URL}/loops-on-load.html"}]"""),
        Arguments.of("a script that loops in runScript", """
            [{"command": "open", "target": "${BASE_URL}/ready.html"},
             {"command": "runScript", "target": "while (true) {}"}]"""),
        Arguments.of("a response that never finishes", """
            [{"command": "open", "target": "${HANGING_URL}/never-finishes"}]"""),
        Arguments.of("a server that never answers", """
            [{"command": "open", "target": "${HANGING_URL}/never-answers"}]"""),
        Arguments.of("an alert left open", """
            [{"command": "open", "target": "${BASE_URL}/alert.html"},
             {"command": "pause", "target": "60000"}]"""),
        Arguments.of("a page that navigates away by itself to one that never loads", """
            [{"command": "open", "target": "${BASE_URL}/navigates-away.html?to=${HANGING_URL}/never-finishes"},
             {"command": "waitForElementPresent", "target": "id=never", "value": "60000"}]"""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hungPages")
  void aHungPageStopsAtTheFilesLimitAndTheNextFileGetsAWorkingBrowser(String page, String steps) {
    Set<Long> before = browsersOfThisJvm();
    Suite suite = suite(Map.of(
        "hung.json", "{\"meta\": {\"timeout_s\": 3}, \"steps\": " + steps + "}",
        "next.json", NEXT_FILE));
    RunLimits limits = new RunLimits(Duration.ofSeconds(2), Duration.ofSeconds(60), null, Instant.now());

    List<FileRun> runs = shard(suite, TestBrowser.podShapedSessions(), limits);

    FileRun hung = runs.get(0);
    System.out.printf("%s: stopped after %d ms (limit 3 s)%n", page, hung.durationMs());
    assertThat(hung.status()).isEqualTo(Outcome.FAILED);
    assertThat(hung.message()).endsWith(": timed out after 3 s (meta.timeout_s, or the run's --file-timeout)");
    assertThat(hung.durationMs()).isLessThanOrEqualTo(Duration.ofSeconds(3).plus(FILE_GRACE).toMillis());
    StepRecord stopped = hung.steps().get(hung.failedStep());
    assertThat(stopped.status()).isEqualTo(StepStatus.FAILED);
    assertThat(stopped.durationMs()).as("the stopped step ran until the limit").isBetween(1_000L, 3_000L + 2_000L);
    assertThat(runs.get(1).status()).as(runs.get(1).message()).isEqualTo(Outcome.PASSED);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(browsersOfThisJvm()).isEqualTo(before));
  }

  @Test
  void aHungPageStopsAtTheRunsDeadlineAndTheFilesLeftAreNotRun() {
    Set<Long> before = browsersOfThisJvm();
    Suite suite = suite(Map.of(
        "hung.json", """
            {"steps": [{"command": "open", "target": "${BASE_URL}/ready.html"},
                       {"command": "executeScript", "target": "while (true) {} return 1", "value": "never"}]}""",
        "next.json", NEXT_FILE));
    long started = System.nanoTime();
    RunLimits limits = new RunLimits(Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(4), Instant.now());

    List<FileRun> runs = shard(suite, TestBrowser.sessions(), limits);

    long tookMs = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("the run stopped after %d ms (deadline 4 s)%n", tookMs);
    assertThat(tookMs).isLessThanOrEqualTo(Duration.ofSeconds(4).plus(RUN_GRACE).toMillis());
    assertThat(runs).extracting(FileRun::status, FileRun::message).containsExactly(
        tuple(Outcome.FAILED,
            "steps[1] executeScript while (true) {} return 1: the run's deadline (4 s) passed"),
        tuple(Outcome.ERROR, "not run: the run's deadline (4 s) passed"));
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(browsersOfThisJvm()).isEqualTo(before));
  }

  @Test
  void aBrowserStartThatOutlivesTheRunsDeadlineIsNotRun() {
    Set<Long> before = browsersOfThisJvm();
    AtomicReference<Duration> callLimit = new AtomicReference<>();
    SessionFactory slowStart = limit -> {
      callLimit.set(limit);
      try {
        Thread.sleep(2_500); // the browser takes longer to start than the run has left
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return TestBrowser.sessions().open(limit);
    };
    RunLimits limits = new RunLimits(Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(2), Instant.now());

    List<FileRun> runs = shard(suite(Map.of("quick.json", NEXT_FILE)), slowStart, limits);

    assertThat(runs).extracting(FileRun::status, FileRun::message).containsExactly(
        tuple(Outcome.ERROR, "not run: the run's deadline (2 s) passed while its browser started"));
    assertThat(runs.get(0).steps()).extracting(StepRecord::status).containsExactly(StepStatus.NOT_RUN, StepStatus.NOT_RUN);
    assertThat(callLimit.get()).as("no call of the session may outlast the deadline by more than the grace")
        .isLessThanOrEqualTo(Duration.ofSeconds(2).plus(FileRunner.CALL_GRACE));
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(browsersOfThisJvm()).isEqualTo(before));
  }

  /** Runs the suite's files in the order of their names. */
  private List<FileRun> shard(Suite suite, SessionFactory sessions, RunLimits limits) {
    FileRunner files = new FileRunner(sessions, Map.of("BASE_URL", site.baseUrl(), "HANGING_URL", hanging.baseUrl()),
        limits, out, WATCHDOG);
    return new ShardRunner(suite, files, limits, Variants.NONE, FailFast.off(), run -> { }).run(0, List.copyOf(suite.files().keySet()));
  }

  private static Suite suite(Map<String, String> files) {
    return SuiteParser.parse(new SuiteFiles(files.entrySet().stream()
        .map(e -> new SuiteFile(e.getKey(), SuiteKeys.encode(e.getKey()), e.getValue())).toList())).orThrow();
  }

  /** The browser processes this JVM started (by any session), by pid: other JVMs' browsers do not count. */
  private static Set<Long> browsersOfThisJvm() {
    Set<Long> ours = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    return BrowserProcesses.all().stream().map(ProcessHandle::pid).filter(ours::contains).collect(Collectors.toSet());
  }
}
