package io.shardrun.core.run;

import io.shardrun.core.history.Estimates;
import io.shardrun.core.history.History;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.Planner;
import io.shardrun.core.plan.WorkUnit;
import io.shardrun.core.select.Selection;
import io.shardrun.core.select.SelectionCriteria;
import io.shardrun.core.suite.Suite;
import io.shardrun.crd.v1alpha1.Sharding;
import io.shardrun.crd.v1alpha1.TestRunSpec;
import java.util.List;
import java.util.Set;

/** From a TestRun's spec to its plan: select, estimate, assign. Shared by the operator and the CLI. */
public final class RunPlanner {
  private RunPlanner() {}

  /**
   * @param rerunOnly for spec.rerunFailedOf: the files that failed or errored in that run; null
   *     otherwise
   */
  public static Plan plan(TestRunSpec spec, Suite suite, History history, Set<String> rerunOnly) {
    SelectionCriteria criteria = SelectionCriteria.fromSpec(spec.getSelector());
    if (rerunOnly != null) {
      criteria = criteria.withRerunOnly(rerunOnly);
    }
    return plan(criteria, spec.getShards(), spec.getSharding(), spec.getHistory().getWindow(), suite, history)
        .withVariants(suite.variants().overriddenBy(spec));
  }

  /** The same from explicit criteria (a local run's flags). */
  public static Plan plan(SelectionCriteria criteria, int shards, Sharding sharding, int window, Suite suite, History history) {
    List<String> selected = Selection.select(suite, criteria);
    Estimates estimates = new Estimates(suite, selected, history, window).runFirst(Selection.first(suite, criteria, selected));
    return Planner.plan(suite, selected, shards, sharding, estimates);
  }

  /** The work units of a dynamic run, in queue order (see {@link Planner#queue}). */
  public static List<WorkUnit> queue(SelectionCriteria criteria, int window, Suite suite, History history) {
    List<String> selected = Selection.select(suite, criteria);
    return Planner.queue(suite, selected,
        new Estimates(suite, selected, history, window).runFirst(Selection.first(suite, criteria, selected)));
  }
}
