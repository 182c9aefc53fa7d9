package io.shardrun.core.suite;

import io.shardrun.core.action.ActionFile;
import io.shardrun.core.action.Command;
import io.shardrun.core.action.Problem;
import io.shardrun.core.action.Step;
import io.shardrun.core.budget.Budgets;
import java.util.List;

/** Checks that an action file's assertWithinBudget steps name budgets the suite has. */
final class BudgetReferences {
  private BudgetReferences() {}

  static void check(ActionFile file, Budgets budgets, List<Problem> problems) {
    for (Step step : file.steps()) {
      if (step.command() != Command.ASSERT_WITHIN_BUDGET) {
        continue;
      }
      if (!budgets.defined()) {
        problems.add(new Problem(file.path(), step.origin() + ".command",
            "assertWithinBudget needs " + SuiteFiles.BUDGETS_FILE + " at the suite root; see docs/action-files.md#performance-budgets"));
      } else if (!step.target().isEmpty() && !step.target().startsWith("${") && budgets.byRoute(step.target()).isEmpty()) {
        problems.add(new Problem(file.path(), step.origin() + ".target", "assertWithinBudget names route '" + step.target()
            + "', which " + SuiteFiles.BUDGETS_FILE + " does not have; its routes: "
            + (budgets.routes().isEmpty() ? "none" : String.join(", ", budgets.routes()))
            + " (leave target empty for the budget matching the page)"));
      }
    }
  }
}
