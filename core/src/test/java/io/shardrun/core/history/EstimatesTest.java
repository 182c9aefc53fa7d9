package io.shardrun.core.history;

import static io.shardrun.core.TestSuites.actionFile;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.TestSuites;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.suite.Suite;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EstimatesTest {
  private static final Suite SUITE = TestSuites.suite(
      "a.json", actionFile(2, List.of(), List.of(), false),
      "b.json", actionFile(4, List.of(), List.of(), false),
      "c.json", actionFile(3, List.of(), List.of(), false),
      "d.json", actionFile(1, List.of(), List.of(), false));
  private static final List<String> ALL = List.of("a.json", "b.json", "c.json", "d.json");

  private static RunRecord passed(long ms) {
    return new RunRecord(ms, Outcome.PASSED, "2026-01-01T00:00:00Z");
  }

  private static RunRecord failed(long ms) {
    return new RunRecord(ms, Outcome.FAILED, "2026-01-01T00:00:00Z");
  }

  private static RunRecord error(long ms) {
    return new RunRecord(ms, Outcome.ERROR, "2026-01-01T00:00:00Z");
  }

  private static History history(Map<String, List<RunRecord>> files) {
    return new History(History.VERSION, new TreeMap<>(files));
  }

  @Test
  void emaUsesAlphaTwoOverNPlusOneOverTheLastWindowRuns() {
    // window 3 of 9000, 1000, 2000, 4000 -> 1000, 2000, 4000 with alpha = 2/(3+1) = 0.5:
    // 1000 -> 0.5*2000 + 0.5*1000 = 1500 -> 0.5*4000 + 0.5*1500 = 2750
    History history = history(Map.of("a.json", List.of(passed(9000), passed(1000), passed(2000), passed(4000))));

    Estimates estimates = new Estimates(SUITE, ALL, history, 3);

    assertThat(estimates.estimateMs("a.json")).isEqualTo(2750);
    assertThat(estimates.failureRate("a.json")).isZero();
  }

  @Test
  void aFileRunOnlyInVariantsIsEstimatedFromTheRunsOfAllItsVariantsByTime() {
    // admin 1000 at 01:00, guest 3000 at 02:00, admin 5000 at 03:00 -> window 2: 3000, 5000 -> 2/3*5000 + 1/3*3000
    History history = history(Map.of(
        "a.json#admin", List.of(new RunRecord(1000, Outcome.PASSED, "2026-01-01T01:00:00Z"), new RunRecord(5000, Outcome.PASSED, "2026-01-01T03:00:00Z")),
        "a.json#guest", List.of(new RunRecord(3000, Outcome.PASSED, "2026-01-01T02:00:00Z"))));

    assertThat(new Estimates(SUITE, ALL, history, 2).estimateMs("a.json")).isEqualTo(4333);
  }

  @Test
  void emaAlphaUsesTheNumberOfRunsWhenFewerThanTheWindow() {
    // 1000, 3000 with alpha = 2/(2+1): 2/3*3000 + 1/3*1000 = 2333.33 -> 2333
    History history = history(Map.of("a.json", List.of(passed(1000), passed(3000))));

    assertThat(new Estimates(SUITE, ALL, history, 10).estimateMs("a.json")).isEqualTo(2333);
  }

  @Test
  void windowOfOneUsesTheLastRunOnly() {
    History history = history(Map.of("a.json", List.of(passed(1000), passed(3000), passed(1700))));

    assertThat(new Estimates(SUITE, ALL, history, 1).estimateMs("a.json")).isEqualTo(1700);
  }

  @Test
  void failedAndErroredRunsRaiseTheEstimateByTheFailureRate() {
    // alpha = 2/5 = 0.4: 1000 -> 1400 -> 2440 -> 2664; 2 of 4 bad: 2664 * 1.5 = 3996
    History history = history(Map.of("a.json", List.of(passed(1000), failed(2000), error(4000), passed(3000))));

    Estimates estimates = new Estimates(SUITE, ALL, history, 4);

    assertThat(estimates.failureRate("a.json")).isEqualTo(0.5);
    assertThat(estimates.estimateMs("a.json")).isEqualTo(3996);
  }

  @Test
  void failuresOutsideTheWindowDoNotCount() {
    History history = history(Map.of("a.json", List.of(failed(5000), failed(5000), passed(2000), passed(2000))));

    Estimates estimates = new Estimates(SUITE, ALL, history, 2);

    assertThat(estimates.failureRate("a.json")).isZero();
    assertThat(estimates.estimateMs("a.json")).isEqualTo(2000);
  }

  @Test
  void filesWithoutHistoryAreEstimatedAtTheMeasuredMillisecondsPerStep() {
    // a: 3000 ms for 2 steps, b: 9000 ms for 4 steps -> 12000 ms / 6 steps = 2000 ms per step
    History history = history(Map.of("a.json", List.of(passed(3000)), "b.json", List.of(passed(9000))));

    Estimates estimates = new Estimates(SUITE, ALL, history, 5);

    assertThat(ALL.stream().mapToLong(estimates::estimateMs))
        .containsExactly(3000L, 9000L, 6000L, 2000L);
    assertThat(estimates.failureRate("c.json")).isZero();
  }

  @Test
  void calibrationUsesTheFailureAdjustedEstimates() {
    // a: 1500 ms, failed once -> 3000 ms for 2 steps = 1500 ms per step
    History history = history(Map.of("a.json", List.of(failed(1500))));

    Estimates estimates = new Estimates(SUITE, ALL, history, 5);

    assertThat(estimates.estimateMs("a.json")).isEqualTo(3000);
    assertThat(estimates.estimateMs("b.json")).isEqualTo(6000);
    assertThat(estimates.estimateMs("d.json")).isEqualTo(1500);
  }

  @Test
  void withoutAnyHistoryEachStepCountsOneSecond() {
    Estimates estimates = new Estimates(SUITE, ALL, History.empty(), 5);

    assertThat(ALL.stream().mapToLong(estimates::estimateMs)).containsExactly(2000L, 4000L, 3000L, 1000L);
    assertThat(Estimates.DEFAULT_MS_PER_STEP).isEqualTo(1000);
  }

  @Test
  void stepsExpandedFromTemplatesCount() {
    Suite suite = TestSuites.suite("login.json",
        "{\"steps\": [{\"template\": \"login_basic\", \"params\": {\"username\": \"u\", \"password\": \"p\"}}]}");

    assertThat(new Estimates(suite, List.of("login.json"), History.empty(), 5).estimateMs("login.json"))
        .isEqualTo(6000);
  }

  @Test
  void recentReturnsTheLastRunsOldestFirst() {
    History history = history(Map.of("a.json", List.of(passed(1), passed(2), passed(3))));

    assertThat(history.recent("a.json", 2)).extracting(RunRecord::durationMs).containsExactly(2L, 3L);
    assertThat(history.recent("a.json", 10)).hasSize(3);
    assertThat(history.recent("never.json", 10)).isEmpty();
  }

  @Test
  void filesOutsideTheSelectionStillCalibrateTheCostOfAStep() {
    // Only c and d are selected; a (3000 ms / 2 steps) and b (9000 ms / 4 steps) set 2000 ms per step.
    History history = history(Map.of("a.json", List.of(passed(3000)), "b.json", List.of(passed(9000))));

    Estimates estimates = new Estimates(SUITE, List.of("c.json", "d.json"), history, 5);

    assertThat(estimates.estimateMs("c.json")).isEqualTo(6000L);
    assertThat(estimates.estimateMs("d.json")).isEqualTo(2000L);
  }
}
