package io.shardrun.core.budget;

import java.util.List;
import java.util.Optional;

/**
 * A suite's budgets.json. Without one, pages are not measured at all: a suite pays for the
 * Performance API reads only once it asks for budgets.
 *
 * @param budgets the entries, in file order
 * @param defined whether the suite has a budgets.json (possibly with no entries: measure only)
 */
public record Budgets(List<Budget> budgets, boolean defined) {
  public static final Budgets NONE = new Budgets(List.of(), false);

  public Budgets {
    budgets = List.copyOf(budgets);
  }

  /** The first budget, in file order, whose route matches {@code path}. */
  public Optional<Budget> forPath(String path) {
    return budgets.stream().filter(b -> b.matches(path)).findFirst();
  }

  /** The budget whose route is written exactly as {@code route}. */
  public Optional<Budget> byRoute(String route) {
    return budgets.stream().filter(b -> b.route().equals(route)).findFirst();
  }

  public List<String> routes() {
    return budgets.stream().map(Budget::route).toList();
  }
}
