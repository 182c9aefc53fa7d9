package io.shardrun.operator.decide;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.plan.Assignment;
import io.shardrun.core.plan.BatchPolicy;
import io.shardrun.core.plan.PlannedFile;
import io.shardrun.core.plan.WorkUnit;
import io.shardrun.operator.decide.DynamicWork.Grant;
import io.shardrun.operator.decide.DynamicWork.PodView;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DynamicWorkTest {
  static final BatchPolicy ONE_AT_A_TIME = new BatchPolicy(BatchPolicy.Mode.OFF, 0);
  /** Units 0..4, one file each, u0.json longest. */
  static final List<WorkUnit> UNITS = IntStream.range(0, 5)
      .mapToObj(i -> new WorkUnit(i, List.of(new PlannedFile("u" + i + ".json", 10_000 - i)))).toList();

  static PodView asking(String name, int wants, Assignment given) {
    return new PodView(name, "rv-" + name, false, given, wants, Set.of());
  }

  static List<List<Integer>> batches(Grant grant) {
    return grant.assignment().batches();
  }

  @Test
  void eachPodThatAsksGetsTheNextBatchOfTheQueueGuardedByTheVersionItWasSeenAt() {
    List<Grant> grants = DynamicWork.grants(UNITS, List.of(asking("a", 1, Assignment.none()), asking("b", 1, Assignment.none()),
        asking("c", 0, Assignment.none())), 3, ONE_AT_A_TIME);

    assertThat(grants).extracting(Grant::pod, Grant::resourceVersion, DynamicWorkTest::batches).containsExactly(
        org.assertj.core.groups.Tuple.tuple("a", "rv-a", List.of(List.of(0))),
        org.assertj.core.groups.Tuple.tuple("b", "rv-b", List.of(List.of(1))));
  }

  @Test
  void aPodGivenWhatItAskedForGetsNothingMoreAndTheNextAskTakesWhatNobodyHolds() {
    List<PodView> pods = List.of(
        asking("a", 1, Assignment.none().plus(List.of(0))),
        new PodView("b", "rv-b", false, Assignment.none().plus(List.of(1)), 2, Set.of("u1.json")));

    List<Grant> grants = DynamicWork.grants(UNITS, pods, 2, ONE_AT_A_TIME);

    assertThat(grants).singleElement().satisfies(g -> {
      assertThat(g.pod()).isEqualTo("b");
      assertThat(batches(g)).containsExactly(List.of(1), List.of(2));
    });
  }

  @Test
  void whenTheQueueIsEmptyTheAskIsAnsweredDone() {
    PodView holdingAll = asking("a", 2, Assignment.none().plus(List.of(0, 1, 2, 3, 4)));

    List<Grant> grants = DynamicWork.grants(UNITS, List.of(holdingAll), 1, ONE_AT_A_TIME);

    assertThat(grants).singleElement().satisfies(g -> {
      assertThat(g.assignment().done()).isTrue();
      assertThat(batches(g)).containsExactly(List.of(0, 1, 2, 3, 4));
    });
  }

  @Test
  void aLostPodsUnfinishedUnitsRunAgainElsewhereAndCountAnotherAttempt() {
    // The lost pod finished u0, and the first file of unit 1 (u1a) before it died in u1b.
    List<WorkUnit> units = List.of(UNITS.get(0), new WorkUnit(1, List.of(new PlannedFile("u1a.json", 1), new PlannedFile("u1b.json", 1))),
        UNITS.get(2));
    PodView lost = new PodView("a", "rv-a", true, Assignment.none().plus(List.of(0, 1)), 1, Set.of("u0.json", "u1a.json"));
    PodView replacement = asking("a2", 1, Assignment.none());
    PodView other = asking("b", 1, Assignment.none().plus(List.of(2)));

    List<Grant> grants = DynamicWork.grants(units, List.of(lost, replacement, other), 2, ONE_AT_A_TIME);

    assertThat(grants).singleElement().satisfies(g -> {
      assertThat(g.pod()).isEqualTo("a2");
      assertThat(batches(g)).containsExactly(List.of(1));
    });
    assertThat(DynamicWork.counted(units, lost)).as("u1a counts once, from the rerun").containsExactly("u0.json");
    assertThat(DynamicWork.retried(units, List.of(lost, replacement, other)))
        .containsExactlyEntriesOf(new java.util.TreeMap<>(java.util.Map.of("u1a.json", 2, "u1b.json", 2)));
  }

  @Test
  void onceEveryUnitIsCompletedTheShardsWhosePodsNeverAskedAreIdle() {
    PodView didAll = new PodView("a", "rv-a", false, Assignment.none().plus(List.of(0, 1, 2, 3, 4)), 1,
        Set.of("u0.json", "u1.json", "u2.json", "u3.json", "u4.json"));
    PodView starting = asking("b", 0, Assignment.none());
    PodView asked = asking("c", 1, Assignment.none());

    assertThat(DynamicWork.idleShards(UNITS, java.util.Map.of(0, List.of(didAll), 1, List.of(starting), 2, List.of(asked), 3, List.of())))
        .as("not the one that asked: it is answered done and ends by itself").containsExactlyInAnyOrder(1, 3);
    PodView stillRunning = new PodView("a", "rv-a", false, Assignment.none().plus(List.of(0, 1, 2, 3, 4)), 1, Set.of("u0.json"));
    assertThat(DynamicWork.idleShards(UNITS, java.util.Map.of(0, List.of(stillRunning), 1, List.of(starting)))).isEmpty();
  }

  @Test
  void theSameViewGivesTheSameGrantsSoARestartedOperatorDecidesAlike() {
    List<PodView> pods = List.of(asking("a", 2, Assignment.none().plus(List.of(0))), asking("b", 1, Assignment.none()));

    assertThat(DynamicWork.grants(UNITS, pods, 2, BatchPolicy.shrinking()))
        .isEqualTo(DynamicWork.grants(UNITS, pods, 2, BatchPolicy.shrinking()));
  }
}
