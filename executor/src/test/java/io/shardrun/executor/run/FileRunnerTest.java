package io.shardrun.executor.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.action.ActionFile;
import io.shardrun.core.action.ActionFileParser;
import io.shardrun.core.action.Problem;
import io.shardrun.core.action.TemplateLibrary;
import io.shardrun.core.budget.Budgets;
import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.results.StepRecord;
import io.shardrun.core.results.StepStatus;
import io.shardrun.executor.TestBrowser;
import io.shardrun.executor.TestFiles;
import io.shardrun.executor.browser.BrowserSession;
import io.shardrun.executor.browser.SessionFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRunnerTest {
  static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor();
  static final RunLimits LIMITS = new RunLimits(Duration.ofSeconds(2), Duration.ofSeconds(60), null, Instant.now());

  @TempDir Path out;

  @AfterAll
  static void stop() {
    WATCHDOG.shutdownNow();
  }

  static ActionFile parse(String json) {
    return TestFiles.parse("t/case.json", json);
  }

  FileRun run(String json) {
    return run(json, TestBrowser.sessions(), LIMITS);
  }

  FileRun run(String json, SessionFactory sessions, RunLimits limits) {
    return new FileRunner(sessions, Map.of("BASE_URL", TestBrowser.baseUrl()), limits, out, WATCHDOG)
        .run(parse(json), null, 3, Budgets.NONE);
  }

  static List<StepStatus> statuses(FileRun run) {
    return run.steps().stream().map(StepRecord::status).toList();
  }

  @Test
  void aFailedVerifyIsRecordedAndTheFileGoesOnButFails() {
    FileRun run = run("""
        {"steps": [
          {"command": "open", "target": "${BASE_URL}/form.html"},
          {"command": "verifyTitle", "target": "Wrong title"},
          {"command": "type", "target": "id=full-name", "value": "Ada"},
          {"command": "assertValue", "target": "id=full-name", "value": "Ada"}
        ]}""");
    assertThat(run.status()).isEqualTo(Outcome.FAILED);
    assertThat(statuses(run)).containsExactly(StepStatus.PASSED, StepStatus.FAILED, StepStatus.PASSED, StepStatus.PASSED);
    assertThat(run.failedStep()).isEqualTo(1);
    assertThat(run.message()).isEqualTo("steps[1] verifyTitle Wrong title: expected 'Wrong title' but was 'Form - Shardrun demo'");
    assertThat(run.steps().get(1).observed()).isEqualTo("Form - Shardrun demo");
  }

  @Test
  void aFailedAssertStopsTheFileAndTakesAScreenshot() {
    FileRun run = run("""
        {"steps": [
          {"command": "open", "target": "${BASE_URL}/form.html"},
          {"command": "assertText", "target": "css=#summary", "value": "Saved"},
          {"command": "click", "target": "id=save"}
        ]}""");
    assertThat(run.status()).isEqualTo(Outcome.FAILED);
    assertThat(statuses(run)).containsExactly(StepStatus.PASSED, StepStatus.FAILED, StepStatus.NOT_RUN);
    assertThat(run.message()).isEqualTo("steps[1] assertText css=#summary: expected 'Saved' but was 'Not saved yet'");
    assertThat(out.resolve("t/case/failure.png")).isNotEmptyFile();
    assertThat(run.attempts()).isEqualTo(1);
  }

  @Test
  void aMissingElementFailsAfterTheStepsWaitNamingTheLocator() {
    FileRun run = run("""
        {"steps": [
          {"command": "open", "target": "${BASE_URL}/form.html"},
          {"command": "click", "target": "css=#no-such-button", "timeout_s": 1}
        ]}""");
    assertThat(run.message()).isEqualTo("steps[1] click css=#no-such-button: no element matches it after 1 s");
  }

  @Test
  void waitsFollowTheElementAsItAppearsOnTheSlowPage() {
    FileRun run = run("""
        {"steps": [
          {"command": "open", "target": "${BASE_URL}/slow.html"},
          {"command": "waitForElementVisible", "target": "id=slow-content", "value": "5000"},
          {"command": "waitForElementEditable", "target": "id=late-input", "value": "5000"},
          {"command": "type", "target": "id=late-input", "value": "ok"},
          {"command": "assertValue", "target": "id=late-input", "value": "ok"}
        ]}""");
    assertThat(run.status()).as(run.message()).isEqualTo(Outcome.PASSED);
  }

  @Test
  void aFileOverItsTimeLimitFailsClearlyAndItsSessionIsTornDown() {
    FileRun run = run("""
        {"meta": {"timeout_s": 1},
         "steps": [
          {"command": "pause", "target": "30000"},
          {"command": "echo", "target": "never"}
        ]}""");
    assertThat(run.status()).isEqualTo(Outcome.FAILED);
    assertThat(run.message()).isEqualTo("steps[0] pause 30000: timed out after 1 s (meta.timeout_s, or the run's --file-timeout)");
    assertThat(statuses(run)).containsExactly(StepStatus.FAILED, StepStatus.NOT_RUN);
  }

  @Test
  void aFileStoppedByTheRunsDeadlineSaysSoEvenWhenTheWatchdogFiresEarly() {
    // The scheduler's clock and the wall clock the deadline is set on can disagree a little: an
    // alarm that fires 50 ms before the deadline's instant is still the run's deadline.
    AtomicLong scheduledMs = new AtomicLong(-1);
    ScheduledExecutorService early = new ScheduledThreadPoolExecutor(1) {
      @Override
      public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        scheduledMs.set(unit.toMillis(delay));
        return super.schedule(task, Math.max(0, unit.toMillis(delay) - 50), TimeUnit.MILLISECONDS);
      }
    };
    TestBrowser.sessions().open(Duration.ofSeconds(30)).close(); // chromedriver started: the deadline is not spent on it
    RunLimits limits = new RunLimits(Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(4), Instant.now());
    try {
      FileRun run = new FileRunner(TestBrowser.sessions(), Map.of("BASE_URL", TestBrowser.baseUrl()), limits, out, early)
          .run(parse("""
              {"steps": [{"command": "pause", "target": "30000"}]}"""), null, 0, Budgets.NONE);

      assertThat(scheduledMs.get()).as("the alarm was set before the deadline").isGreaterThan(500);
      assertThat(run.status()).isEqualTo(Outcome.FAILED);
      assertThat(run.message()).isEqualTo("steps[0] pause 30000: the run's deadline (4 s) passed");
    } finally {
      early.shutdownNow();
    }
  }

  @Test
  void infrastructureErrorsAreRetriedInANewSessionUpToMetaRetries() {
    AtomicInteger opened = new AtomicInteger();
    SessionFactory firstDies = callLimit -> {
      BrowserSession session = TestBrowser.sessions().open(callLimit);
      if (opened.incrementAndGet() == 1) {
        session.close(); // the browser is gone before the first step: an infrastructure error
      }
      return session;
    };
    FileRun run = run("""
        {"meta": {"retries": 2},
         "steps": [{"command": "open", "target": "${BASE_URL}/index.html"}]}""", firstDies, LIMITS);
    assertThat(run.status()).isEqualTo(Outcome.PASSED);
    assertThat(run.attempts()).isEqualTo(2);
  }

  @Test
  void anInfrastructureErrorWithoutRetriesEndsTheFileInError() {
    SessionFactory dead = callLimit -> {
      BrowserSession session = TestBrowser.sessions().open(callLimit);
      session.close();
      return session;
    };
    FileRun run = run("{\"steps\": [{\"command\": \"open\", \"target\": \"${BASE_URL}/index.html\"}]}", dead, LIMITS);
    assertThat(run.status()).isEqualTo(Outcome.ERROR);
    assertThat(run.message()).startsWith("steps[0] open ${BASE_URL}/index.html: ");
  }

  @Test
  void testFailuresAreNeverRetried() {
    FileRun run = run("""
        {"meta": {"retries": 3},
         "steps": [{"command": "open", "target": "${BASE_URL}/index.html"},
                   {"command": "assertTitle", "target": "nope"}]}""");
    assertThat(run.status()).isEqualTo(Outcome.FAILED);
    assertThat(run.attempts()).isEqualTo(1);
  }

  @Test
  void anUndefinedVariableFailsTheStepNamingIt() {
    FileRun run = run("{\"steps\": [{\"command\": \"open\", \"target\": \"${SHOP_URL}/x\"}]}");
    assertThat(run.message()).isEqualTo("steps[0] open ${SHOP_URL}/x: variable ${SHOP_URL} is not set: define it in the"
        + " run's environment (spec.env, --env, --base-url) or store it in an earlier step");
  }

  @Test
  void scriptsGetVariablesAsArgumentsAndStoreTheirResult() {
    FileRun run = run("""
        {"steps": [
          {"command": "open", "target": "${BASE_URL}/form.html"},
          {"command": "store", "target": "it's \\"quoted\\"", "value": "text"},
          {"command": "executeScript", "target": "return ${text}.length + 1", "value": "n"},
          {"command": "assert", "target": "n", "value": "14"},
          {"command": "runScript", "target": "document.title = ${text}"},
          {"command": "storeTitle", "target": "title"},
          {"command": "verify", "target": "title", "value": "it's \\"quoted\\""},
          {"command": "echo", "target": "n=${n}"}
        ]}""");
    assertThat(run.status()).as(run.message()).isEqualTo(Outcome.PASSED);
    assertThat(run.steps().get(7).observed()).isEqualTo("n=14");
  }

  @Test
  void screenshotStepsSaveUnderTheFilesFolderAndRefuseEscapingNames() throws Exception {
    FileRun ok = run("""
        {"steps": [{"command": "open", "target": "${BASE_URL}/index.html"},
                   {"command": "screenshot", "target": "home.png"}]}""");
    assertThat(ok.status()).isEqualTo(Outcome.PASSED);
    assertThat(Files.readAllBytes(out.resolve("t/case/home.png"))).startsWith(0x89, 'P', 'N', 'G');

    FileRun escaping = run("""
        {"steps": [{"command": "open", "target": "${BASE_URL}/index.html"},
                   {"command": "store", "target": "../../etc/x.png", "value": "name"},
                   {"command": "screenshot", "target": "${name}"}]}""");
    assertThat(escaping.status()).isEqualTo(Outcome.FAILED);
    assertThat(escaping.message()).isEqualTo("steps[2] screenshot ${name}: artifact name '../../etc/x.png' contains '..';"
        + " use a plain file name such as 'cart.png'");
  }

  @Test
  void environmentValuesNeverAppearInMessagesOrObservations() {
    FileRunner runner = new FileRunner(TestBrowser.sessions(), Map.of("BASE_URL", TestBrowser.baseUrl(), "API_TOKEN", "s3cr3t-t0ken"),
        LIMITS, out, WATCHDOG);
    FileRun run = runner.run(parse("""
        {"steps": [
          {"command": "open", "target": "${BASE_URL}/form.html"},
          {"command": "echo", "target": "token is ${API_TOKEN}"},
          {"command": "verifyTitle", "target": "${API_TOKEN}"}
        ]}"""), null, 0, Budgets.NONE);
    assertThat(run.steps().get(1).observed()).isEqualTo("token is ${API_TOKEN}");
    assertThat(run.message()).isEqualTo("steps[2] verifyTitle ${API_TOKEN}: expected '${API_TOKEN}' but was 'Form - Shardrun demo'");
    assertThat(run.steps().get(0).observed()).startsWith("${BASE_URL}/form.html");
  }
}
