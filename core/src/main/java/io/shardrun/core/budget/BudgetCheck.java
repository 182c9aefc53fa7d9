package io.shardrun.core.budget;

import io.shardrun.core.results.PageMetrics;
import java.util.ArrayList;
import java.util.List;

/** A page's metrics held against a budget: what fails the file and what only warns. */
public final class BudgetCheck {
  private BudgetCheck() {}

  /**
   * @param failures one message per limit passed, {@code budget: /slow ttfbMs 1480 > 800}
   * @param warnings limits passed under {@code mode: warn}, and limits on metrics the browser did
   *     not report (those are not checked: an unknown value is neither within nor over)
   */
  public record Verdict(List<String> failures, List<String> warnings) {
    public Verdict {
      failures = List.copyOf(failures);
      warnings = List.copyOf(warnings);
    }
  }

  /** @param enforce every limit fails, whatever the budget's mode: assertWithinBudget asks for it */
  public static Verdict check(Budget budget, PageMetrics page, boolean enforce) {
    List<String> failures = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Metric metric : Metric.values()) {
      Long limit = budget.limits().get(metric);
      if (limit == null) {
        continue;
      }
      Long value = metric.of(page);
      if (value == null) {
        warnings.add("budget: " + budget.route() + " " + metric.wireName() + " not reported by the browser; not checked");
      } else if (value > limit) {
        String over = budget.route() + " " + metric.wireName() + " " + value + " > " + limit;
        if (budget.warnOnly() && !enforce) {
          warnings.add("budget (warn): " + over);
        } else {
          failures.add("budget: " + over);
        }
      }
    }
    return new Verdict(failures, warnings);
  }
}
