package io.shardrun.core.run;

import static io.shardrun.core.TestSuites.actionFile;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.TestSuites;
import io.shardrun.core.history.History;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.PlannedFile;
import io.shardrun.core.plan.WorkUnit;
import io.shardrun.core.select.SelectionCriteria;
import io.shardrun.core.suite.Suite;
import io.shardrun.crd.v1alpha1.Sharding;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** selector.changedMode first: every file runs, those the change affects (with what they need) before the rest. */
class AffectedFirstTest {
  // z.json is the longest, so without changed files it would lead every order.
  private static final Suite SUITE = TestSuites.suite(
      "a.json", actionFile(1, List.of(), List.of(), false),
      "b.json", actionFile(1, List.of(), List.of("a.json"), false),
      "c.json", actionFile(2, List.of(), List.of("b.json"), false),
      "m.json", actionFile(3, List.of(), List.of(), false),
      "p.json", actionFile(1, List.of(), List.of("y.json"), false),
      "y.json", actionFile(1, List.of(), List.of(), false),
      "z.json", actionFile(9, List.of(), List.of(), false));
  private static final SelectionCriteria CHANGED_B = new SelectionCriteria(Set.of(), Set.of(), List.of(), List.of(),
      List.of("suite/b.json"), null);

  @Test
  void onOneShardTheChangedFileItsDownstreamAndWhatTheyNeedRunFirst() {
    SelectionCriteria changedP = new SelectionCriteria(Set.of(), Set.of(), List.of(), List.of(), List.of("suite/p.json"), null);
    Plan all = RunPlanner.plan(SelectionCriteria.all(), 1, Sharding.BALANCED, 10, SUITE, History.empty());
    Plan only = RunPlanner.plan(changedP, 1, Sharding.BALANCED, 10, SUITE, History.empty());
    Plan first = RunPlanner.plan(changedP.withChangedFirst(), 1, Sharding.BALANCED, 10, SUITE, History.empty());

    assertThat(all.shards().get(0).paths()).containsExactly("a.json", "b.json", "c.json", "m.json", "y.json", "p.json", "z.json");
    assertThat(only.shards().get(0).paths()).containsExactly("y.json", "p.json");
    assertThat(first.shards().get(0).paths()).containsExactly("y.json", "p.json", "a.json", "b.json", "c.json", "m.json", "z.json");
  }

  @Test
  void everyShardRunsItsAffectedFilesFirstInHashAndBalancedPlans() {
    SelectionCriteria changedM = new SelectionCriteria(Set.of(), Set.of(), List.of(), List.of(), List.of("m.json"), null).withChangedFirst();
    for (Sharding sharding : List.of(Sharding.HASH, Sharding.BALANCED)) {
      Plan plan = RunPlanner.plan(changedM, 2, sharding, 10, SUITE, History.empty());
      assertThat(plan.fileCount()).isEqualTo(7);
      plan.shards().stream().filter(s -> s.paths().contains("m.json"))
          .forEach(s -> assertThat(s.paths()).as(sharding + " shard " + s.index()).startsWith("m.json"));
    }
  }

  @Test
  void aDynamicQueueHandsOutTheAffectedUnitsFirstThenLongestFirst() {
    List<WorkUnit> queue = RunPlanner.queue(CHANGED_B.withChangedFirst(), 10, SUITE, History.empty());

    assertThat(queue).extracting(u -> u.files().stream().map(PlannedFile::path).toList())
        .containsExactly(List.of("a.json", "b.json", "c.json"), List.of("z.json"), List.of("m.json"), List.of("y.json", "p.json"));
  }
}
