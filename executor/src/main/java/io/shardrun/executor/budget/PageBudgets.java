package io.shardrun.executor.budget;

import io.shardrun.core.budget.Budget;
import io.shardrun.core.budget.BudgetCheck;
import io.shardrun.core.budget.Budgets;
import io.shardrun.core.results.PageMetrics;
import io.shardrun.executor.step.ErrorText;
import io.shardrun.executor.step.StepFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.openqa.selenium.WebDriver;

/**
 * One file attempt's pages held against the suite's budgets: after a step, the page it led to (a
 * navigation not measured before) is measured and checked; {@code assertWithinBudget} checks the
 * latest one on demand.
 */
public final class PageBudgets {
  private final Budgets budgets;
  private final NavigationReader reader;
  private final UnaryOperator<String> mask;
  private String lastKey;

  /**
   * What a step's new page came to.
   *
   * @param metrics null when the step led to no new page
   * @param failure the limits of {@code mode: fail} budgets it passed, in one message; null when none
   */
  public record PageCheck(PageMetrics metrics, List<String> warnings, String failure) {
    public static final PageCheck NONE = new PageCheck(null, List.of(), null);
  }

  /** @param mask hides the run's environment values (secrets) in the URLs recorded */
  public PageBudgets(Budgets budgets, WebDriver driver, UnaryOperator<String> mask) {
    this.budgets = budgets;
    this.reader = new NavigationReader(driver);
    this.mask = mask;
  }

  /** Measures and checks the page after a step, if the step led to a new one and the suite has budgets.json. */
  public PageCheck afterStep() {
    if (!budgets.defined()) {
      return PageCheck.NONE;
    }
    NavigationReader.Navigation page;
    try {
      var read = reader.read(lastKey);
      if (read.isEmpty()) {
        return PageCheck.NONE;
      }
      page = read.get();
    } catch (RuntimeException e) {
      // A measurement that cannot be taken is not the step's failure; a browser that is gone
      // shows at the next step.
      return new PageCheck(null, List.of("performance metrics could not be read: " + ErrorText.of(e)), null);
    }
    lastKey = page.key();
    var budget = budgets.forPath(page.path());
    PageMetrics metrics = page.metrics().with(mask.apply(page.metrics().url()), budget.map(Budget::route).orElse(null));
    if (budget.isEmpty()) {
      return new PageCheck(metrics, List.of(), null);
    }
    BudgetCheck.Verdict verdict = BudgetCheck.check(budget.get(), metrics, false);
    return new PageCheck(metrics, verdict.warnings(), verdict.failures().isEmpty() ? null : String.join("; ", verdict.failures()));
  }

  /**
   * assertWithinBudget: the latest navigation against the budget with {@code route}, or, when it
   * is empty, the budget matching the page's path; every limit fails, whatever the budget's mode.
   *
   * @return the page's metrics, and the limits that could not be checked
   * @throws StepFailedException naming each limit passed
   */
  public String assertWithin(String route) {
    NavigationReader.Navigation page = reader.read(null)
        .orElseThrow(() -> new StepFailedException("no page has been loaded to check against a budget"));
    Budget budget = (route.isEmpty() ? budgets.forPath(page.path()) : budgets.byRoute(route)).orElseThrow(() ->
        new StepFailedException(route.isEmpty()
            ? "no budget in budgets.json matches the page's path " + page.path()
            : "budgets.json has no route '" + route + "'; it has: " + String.join(", ", budgets.routes())));
    BudgetCheck.Verdict verdict = BudgetCheck.check(budget, page.metrics(), true);
    List<String> observed = new ArrayList<>(List.of(page.metrics().describe()));
    observed.addAll(verdict.warnings());
    if (!verdict.failures().isEmpty()) {
      throw new StepFailedException(String.join("; ", verdict.failures()), String.join("; ", observed));
    }
    return String.join("; ", observed);
  }
}
