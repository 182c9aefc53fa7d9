package io.shardrun.executor.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.shardrun.core.budget.Budgets;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.PlannedFile;
import io.shardrun.core.plan.PlannedShard;
import io.shardrun.core.results.Event;
import io.shardrun.core.results.EventLines;
import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.results.StepRecord;
import io.shardrun.core.suite.Suite;
import io.shardrun.core.suite.SuiteFile;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteKeys;
import io.shardrun.core.suite.SuiteParser;
import io.shardrun.core.variant.Variants;
import io.shardrun.crd.v1alpha1.Isolation;
import io.shardrun.crd.v1alpha1.Sharding;
import io.shardrun.executor.TestBrowser;
import io.shardrun.executor.TestFiles;
import io.shardrun.executor.browser.BrowserTools;
import io.shardrun.executor.local.LocalBrowsers;
import io.shardrun.executor.local.LocalRun;
import io.shardrun.executor.local.LocalWork;
import io.shardrun.executor.run.FailFast;
import io.shardrun.executor.run.FileRunner;
import io.shardrun.executor.run.RunLimits;
import java.nio.file.Files;
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

/** publishEvent and waitForEvent in real Chromium, on a local run's shared event log. */
class CrossShardEventsTest {
  static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor();
  static final RunLimits LIMITS = new RunLimits(Duration.ofSeconds(2), Duration.ofSeconds(60), null, Instant.now());
  static final String OPEN = "{\"command\": \"open\", \"target\": \"${BASE_URL}/index.html\"}";

  @TempDir Path out;

  @AfterAll
  static void stop() {
    WATCHDOG.shutdownNow();
  }

  static SuiteFile file(String path, String json) {
    return new SuiteFile(path, SuiteKeys.encode(path), json);
  }

  FileRun runAlone(String json, EventBus events) {
    return new FileRunner(TestBrowser.sessions(), Map.of("BASE_URL", TestBrowser.baseUrl()), LIMITS, out, WATCHDOG, events)
        .run(TestFiles.parse("orders/ship.json", json), null, 0, Budgets.NONE);
  }

  @Test
  void aFileWaitsOnOneWorkerForTheEventAFileOfAnotherWorkerPublishes() throws Exception {
    Suite suite = SuiteParser.parse(new SuiteFiles(List.of(
        file("ship.json", "{\"steps\": [" + OPEN + ","
            + " {\"command\": \"waitForEvent\", \"target\": \"order.created\", \"value\": \"order-[0-9]+\", \"timeout_s\": 30},"
            + " {\"command\": \"publishEvent\", \"target\": \"order.shipped\", \"value\": \"shipped\"}]}"),
        file("create.json", "{\"steps\": [" + OPEN + ", {\"command\": \"store\", \"target\": \"17\", \"value\": \"id\"},"
            + " {\"command\": \"pause\", \"target\": \"500\"},"
            + " {\"command\": \"publishEvent\", \"target\": \"order.created\", \"value\": \"order-${id}\"},"
            + " {\"command\": \"waitForEvent\", \"target\": \"order.shipped\", \"timeout_s\": 30}]}")))).orThrow();
    Plan plan = new Plan(Sharding.HASH, List.of(new PlannedShard(0, 1000, List.of(new PlannedFile("ship.json", 1000))),
        new PlannedShard(1, 1000, List.of(new PlannedFile("create.json", 1000)))));
    Path runDir = out.resolve("run-1");
    LocalBrowsers browsers = new LocalBrowsers(BrowserTools.resolve(null, null), true, Isolation.CONTEXT, notice -> {},
        out.resolve("extensions"));

    List<FileRun> runs = new LocalRun(suite, LocalWork.planned(plan), Map.of("BASE_URL", TestBrowser.baseUrl()), Variants.NONE,
        FailFast.off(), LIMITS, browsers, runDir).run(2, run -> {});

    assertThat(runs).extracting(FileRun::file, FileRun::status, FileRun::message).containsExactly(
        tuple("ship.json", Outcome.PASSED, null), tuple("create.json", Outcome.PASSED, null));
    assertThat(runs.get(0).steps()).extracting(StepRecord::observed).containsExactly("${BASE_URL}/index.html",
        "order-17", "shipped");
    assertThat(runs.get(1).events()).extracting(Event::topic, Event::value, Event::file, Event::shard)
        .containsExactly(tuple("order.created", "order-17", "create.json", 1));
    assertThat(EventLines.parse(Files.readAllBytes(runDir.resolve(EventLogFile.NAME))).events())
        .extracting(Event::topic).containsExactlyInAnyOrder("order.created", "order.shipped");
  }

  @Test
  void aWaitNoEventAnswersFailsWithinItsTimeoutNamingTheValuesSeenOnTheTopic() {
    FileRun run = runAlone("""
        {"steps": [
          {"command": "publishEvent", "target": "order.shipped", "value": "order-2"},
          {"command": "waitForEvent", "target": "order.shipped", "value": "order-1", "timeout_s": 1},
          {"command": "echo", "target": "not reached"}
        ]}""", new EventLogFile(out.resolve(EventLogFile.NAME)));

    assertThat(run.status()).isEqualTo(Outcome.FAILED);
    assertThat(run.failedStep()).isEqualTo(1);
    assertThat(run.message()).isEqualTo("steps[1] waitForEvent order.shipped: no event on order.shipped matching 'order-1'"
        + " within 1 s (events seen on order.shipped: 'order-2')");
    assertThat(run.events()).extracting(Event::value).containsExactly("order-2");
  }

  @Test
  void theFilesTimeLimitEndsAWaitThatWouldOutlastIt() {
    FileRun run = runAlone("""
        {"meta": {"timeout_s": 2}, "steps": [
          {"command": "waitForEvent", "target": "never", "timeout_s": 60}
        ]}""", new MemoryEventBus());

    assertThat(run.status()).isEqualTo(Outcome.FAILED);
    assertThat(run.message()).isEqualTo("steps[0] waitForEvent never: timed out after 2 s (meta.timeout_s, or the run's --file-timeout)");
  }

  @Test
  void aTornLineInTheLogIsPassedOverAndTheNextEventStillReadsWhole() throws Exception {
    Path log = out.resolve(EventLogFile.NAME);
    Files.writeString(log, "{\"topic\":\"order.created\",\"val");
    EventLogFile events = new EventLogFile(log);

    FileRun run = runAlone("""
        {"steps": [
          {"command": "publishEvent", "target": "order.created", "value": "order-3"},
          {"command": "waitForEvent", "target": "order.created", "timeout_s": 1}
        ]}""", events);

    assertThat(run.status()).isEqualTo(Outcome.PASSED);
    assertThat(events.read(0).events()).extracting(Event::value).containsExactly("order-3");
    assertThat(Files.readAllLines(log)).hasSize(2);
  }

  @Test
  void aFilePublishesAtMostItsShareOfEvents() {
    StringBuilder steps = new StringBuilder();
    for (int i = 0; i <= 10; i++) {
      steps.append(i == 0 ? "" : ", ").append("{\"command\": \"publishEvent\", \"target\": \"t\", \"value\": \"").append(i).append("\"}");
    }
    FileRun run = runAlone("{\"steps\": [" + steps + "]}", new MemoryEventBus());

    assertThat(run.status()).isEqualTo(Outcome.FAILED);
    assertThat(run.message()).isEqualTo("steps[10] publishEvent t: the file published 10 events already, the most a file may");
    assertThat(run.events()).hasSize(10);
  }
}
