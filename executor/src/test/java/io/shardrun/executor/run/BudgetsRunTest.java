package io.shardrun.executor.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.action.Problem;
import io.shardrun.core.budget.Budgets;
import io.shardrun.core.budget.BudgetsParser;
import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.results.PageMetrics;
import io.shardrun.core.results.StepRecord;
import io.shardrun.core.results.StepStatus;
import io.shardrun.executor.PerformanceSite;
import io.shardrun.executor.TestBrowser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Performance budgets on real headless Chromium, against pages whose speed and size are known.
 * The only timed checks are the budgets themselves, with wide margins: /slow answers after 1.5 s
 * against a 700 ms TTFB budget; the other pages have budgets of 5 s.
 */
class BudgetsRunTest {
  static final PerformanceSite SITE = new PerformanceSite();
  static final String BUDGETS = """
      {"version": 1, "budgets": [
        {"route": "/slow", "ttfbMs": 700},
        {"route": "/fast", "ttfbMs": 5000, "domContentLoadedMs": 5000, "loadMs": 5000, "lcpMs": 5000, "transferBytes": 100000},
        {"route": "/heavy", "transferBytes": 500000, "mode": "warn"},
        {"route": "/bl*", "lcpMs": 5000}
      ]}""";

  @TempDir Path out;

  @AfterAll
  static void stop() {
    SITE.close();
  }

  static Budgets budgets(String json) {
    List<Problem> problems = new ArrayList<>();
    Budgets budgets = BudgetsParser.parse("budgets.json", json, problems);
    assertThat(problems).isEmpty();
    return budgets;
  }

  FileRun run(String budgets, String json) {
    return new FileRunner(TestBrowser.sessions(), Map.of("SITE", SITE.baseUrl()), FileRunnerTest.LIMITS, out,
        FileRunnerTest.WATCHDOG).run(FileRunnerTest.parse(json), null, 0, budgets(budgets));
  }

  /** Each step's measured page, by its budget's route; null for a step that measured none. */
  static List<String> measuredRoutes(FileRun run) {
    return run.steps().stream().map(s -> s.metrics() == null ? null : s.metrics().route()).toList();
  }

  @Test
  void aPageOverAFailBudgetFailsTheFileNamingTheRouteMetricValueAndBudget() {
    FileRun run = run(BUDGETS, """
        {"steps": [
          {"command": "open", "target": "${SITE}/slow"},
          {"command": "assertTitle", "target": "Slow"}
        ]}""");

    assertThat(run.status()).isEqualTo(Outcome.FAILED);
    assertThat(run.failedStep()).isZero();
    assertThat(run.message()).matches("steps\\[0] open \\$\\{SITE}/slow: budget: /slow ttfbMs (\\d+) > 700");
    PageMetrics page = run.steps().get(0).metrics();
    assertThat(page.route()).isEqualTo("/slow");
    assertThat(page.url()).isEqualTo("${SITE}/slow");
    assertThat(page.ttfbMs()).isGreaterThanOrEqualTo(PerformanceSite.SLOW_MS);
    assertThat(run.message()).endsWith(" " + page.ttfbMs() + " > 700");
    // Over a budget, the page was still reached: the file goes on, as after a failed verify.
    assertThat(run.steps()).extracting(StepRecord::status).containsExactly(StepStatus.FAILED, StepStatus.PASSED);
  }

  @Test
  void aFastPageWithinItsBudgetPassesWithEveryMetricReportedByTheBrowser() {
    FileRun run = run(BUDGETS, """
        {"steps": [
          {"command": "open", "target": "${SITE}/fast"},
          {"command": "assertTitle", "target": "Fast"},
          {"command": "assertWithinBudget"}
        ]}""");

    assertThat(run.status()).as(run.message()).isEqualTo(Outcome.PASSED);
    PageMetrics page = run.steps().get(0).metrics();
    assertThat(page.route()).isEqualTo("/fast");
    assertThat(page.ttfbMs()).isPositive();
    assertThat(page.domContentLoadedMs()).isGreaterThanOrEqualTo(page.ttfbMs());
    assertThat(page.loadMs()).isGreaterThanOrEqualTo(page.domContentLoadedMs());
    assertThat(page.lcpMs()).as("LCP is reported in headless Chromium").isPositive();
    assertThat(page.transferBytes()).isPositive();
    assertThat(run.steps().get(0).warnings()).isEmpty();
    // The same page is measured once: steps that do not navigate record nothing.
    assertThat(run.steps().get(1).metrics()).isNull();
    assertThat(run.steps().get(2).metrics()).isNull();
    assertThat(run.steps().get(2).observed()).startsWith("ttfbMs ").contains("lcpMs ", "transferBytes ");
  }

  @Test
  void aClickThatNavigatesIsMeasuredToo() {
    FileRun run = run(BUDGETS, """
        {"steps": [
          {"command": "open", "target": "${SITE}/fast"},
          {"command": "click", "target": "id=to-slow"},
          {"command": "assertTitle", "target": "Slow"}
        ]}""");

    assertThat(run.status()).isEqualTo(Outcome.FAILED);
    assertThat(run.message()).startsWith("steps[1] click id=to-slow: budget: /slow ttfbMs ");
    assertThat(measuredRoutes(run)).containsExactly("/fast", "/slow", null);
  }

  @Test
  void aPageThatLoadsByItselfIsMeasuredAtTheNextStepThatMayLoadOneOrAtTheLast() {
    FileRun run = run(BUDGETS, """
        {"steps": [
          {"command": "open", "target": "${SITE}/fast"},
          {"command": "runScript", "target": "setTimeout(function () { location.href = '/heavy'; }, 500)"},
          {"command": "assertElementPresent", "target": "css=script[src='/big.js']"},
          {"command": "assertTitle", "target": "Heavy"}
        ]}""");

    assertThat(run.status()).as(run.message()).isEqualTo(Outcome.PASSED);
    // The assertion that waited for /heavy asks the browser nothing more; the file's last step does.
    assertThat(measuredRoutes(run)).containsExactly("/fast", null, null, "/heavy");
  }

  @Test
  void transferredBytesCountTheResourcesAndAWarnBudgetOnlyWarns() {
    FileRun run = run(BUDGETS, """
        {"steps": [{"command": "open", "target": "${SITE}/heavy"}]}""");

    assertThat(run.status()).as(run.message()).isEqualTo(Outcome.PASSED);
    StepRecord open = run.steps().get(0);
    assertThat(open.metrics().transferBytes()).isGreaterThan(PerformanceSite.BIG_BYTES);
    assertThat(open.warnings()).containsExactly("budget (warn): /heavy transferBytes " + open.metrics().transferBytes() + " > 500000");
  }

  @Test
  void assertWithinBudgetFailsEvenAWarnBudget() {
    FileRun run = run(BUDGETS, """
        {"steps": [
          {"command": "open", "target": "${SITE}/heavy"},
          {"command": "assertWithinBudget", "target": "/heavy"},
          {"command": "echo", "target": "not reached"}
        ]}""");

    assertThat(run.status()).isEqualTo(Outcome.FAILED);
    assertThat(run.failedStep()).isEqualTo(1);
    assertThat(run.message()).matches("steps\\[1] assertWithinBudget /heavy: budget: /heavy transferBytes \\d+ > 500000");
    assertThat(run.steps()).extracting(StepRecord::status)
        .containsExactly(StepStatus.PASSED, StepStatus.FAILED, StepStatus.NOT_RUN);
  }

  @Test
  void aMetricTheBrowserDoesNotReportIsAbsentAndItsBudgetOnlyWarns() {
    FileRun run = run(BUDGETS, """
        {"steps": [{"command": "open", "target": "${SITE}/blank"}]}""");

    assertThat(run.status()).as(run.message()).isEqualTo(Outcome.PASSED);
    StepRecord open = run.steps().get(0);
    assertThat(open.metrics().lcpMs()).as("nothing painted: no LCP, and never 0").isNull();
    assertThat(open.metrics().loadMs()).isNotNull();
    assertThat(open.warnings()).containsExactly("budget: /bl* lcpMs not reported by the browser; not checked");
  }

  @Test
  void withoutBudgetsJsonNothingIsMeasured() {
    FileRun run = new FileRunner(TestBrowser.sessions(), Map.of("SITE", SITE.baseUrl()), FileRunnerTest.LIMITS, out,
        FileRunnerTest.WATCHDOG).run(FileRunnerTest.parse("""
            {"steps": [{"command": "open", "target": "${SITE}/slow"}]}"""), null, 0, Budgets.NONE);

    assertThat(run.status()).isEqualTo(Outcome.PASSED);
    assertThat(run.steps().get(0).metrics()).isNull();
  }
}
