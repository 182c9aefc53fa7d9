package io.shardrun.core.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.results.PageMetrics;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BudgetCheckTest {
  static final PageMetrics SLOW = new PageMetrics("http://x/slow", "/slow", 1480L, 1500L, 1510L, null, 900L);

  @Test
  void eachLimitPassedIsAFailureNamingRouteMetricValueAndBudget() {
    Budget budget = new Budget("/slow", Map.of(Metric.TTFB, 800L, Metric.LOAD, 1510L, Metric.TRANSFER_BYTES, 100L), false);
    BudgetCheck.Verdict verdict = BudgetCheck.check(budget, SLOW, false);
    assertThat(verdict.failures()).containsExactly("budget: /slow ttfbMs 1480 > 800", "budget: /slow transferBytes 900 > 100");
    assertThat(verdict.warnings()).isEmpty();
  }

  @Test
  void aWarnBudgetWarnsUnlessEnforcedAndAnAbsentMetricIsNotChecked() {
    Budget budget = new Budget("/slow", Map.of(Metric.TTFB, 800L, Metric.LCP, 2500L), true);
    assertThat(BudgetCheck.check(budget, SLOW, false)).isEqualTo(new BudgetCheck.Verdict(java.util.List.of(), java.util.List.of(
        "budget (warn): /slow ttfbMs 1480 > 800", "budget: /slow lcpMs not reported by the browser; not checked")));
    assertThat(BudgetCheck.check(budget, SLOW, true).failures()).containsExactly("budget: /slow ttfbMs 1480 > 800");
  }

  @Test
  void metricsDescribeWhatWasReportedOnly() {
    assertThat(SLOW.describe()).isEqualTo("ttfbMs 1480, domContentLoadedMs 1500, loadMs 1510, transferBytes 900");
    assertThat(new PageMetrics("u", null, null, null, null, null, null).describe()).isEqualTo("none reported");
  }
}
