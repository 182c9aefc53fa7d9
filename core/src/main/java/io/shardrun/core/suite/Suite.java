package io.shardrun.core.suite;

import io.shardrun.core.action.ActionFile;
import io.shardrun.core.budget.Budgets;
import io.shardrun.core.variant.Variants;
import java.util.SortedMap;

/**
 * A parsed suite: its action files by path and the dependencies between them.
 *
 * @param files every valid action file, by suite-relative path
 * @param graph depends_on between them
 * @param budgets its budgets.json; {@link Budgets#NONE} without one
 * @param variants its variants.json; {@link Variants#NONE} without one
 */
public record Suite(SortedMap<String, ActionFile> files, DependencyGraph graph, Budgets budgets, Variants variants) {
  /** A suite without variants.json. */
  public Suite(SortedMap<String, ActionFile> files, DependencyGraph graph, Budgets budgets) {
    this(files, graph, budgets, Variants.NONE);
  }

  public ActionFile file(String path) {
    ActionFile file = files.get(path);
    if (file == null) {
      throw new IllegalArgumentException("no action file " + path + " in the suite");
    }
    return file;
  }
}
