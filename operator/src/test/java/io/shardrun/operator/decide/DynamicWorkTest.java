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
    return new PodView(name, "rv-" + name, false, given, wants);
  }

  static List<List<Integer>> batches(Grant grant) {
    return grant.assignment().batches();
  }

  @Test
  void eachPodThatAsksGetsTheNextBatchOfTheQueueGuardedByTheVersionItWasSeenAt() {
    List<Grant> grants = DynamicWork.grants(UNITS, List.of(asking("a", 1, Assignment.none()), asking("b", 1, Assignment.none()),
        asking("c", 0, Assignment.none())), Set.of(), Set.of(), 3, ONE_AT_A_TIME);

    assertThat(grants).extracting(Grant::pod, Grant::resourceVersion, DynamicWorkTest::batches).containsExactly(
        org.assertj.core.groups.Tuple.tuple("a", "rv-a", List.of(List.of(0))),
        org.assertj.core.groups.Tuple.tuple("b", "rv-b", List.of(List.of(1))));
  }

  @Test
  void aPodGivenWhatItAskedForGetsNothingMoreAndTheNextAskTakesWhatNobodyHolds() {
    List<PodView> pods = List.of(
        asking("a", 1, Assignment.none().plus(List.of(0))),
        asking("b", 2, Assignment.none().plus(List.of(1))));

    List<Grant> grants = DynamicWork.grants(UNITS, pods, Set.of("u1.json"), Set.of(), 2, ONE_AT_A_TIME);

    assertThat(grants).singleElement().satisfies(g -> {
      assertThat(g.pod()).isEqualTo("b");
      assertThat(batches(g)).containsExactly(List.of(1), List.of(2));
    });
  }

  @Test
  void whenTheQueueIsEmptyTheAskIsAnsweredDone() {
    PodView holdingAll = asking("a", 2, Assignment.none().plus(List.of(0, 1, 2, 3, 4)));

    List<Grant> grants = DynamicWork.grants(UNITS, List.of(holdingAll), Set.of(), Set.of(), 1, ONE_AT_A_TIME);

    assertThat(grants).singleElement().satisfies(g -> {
      assertThat(g.assignment().done()).isTrue();
      assertThat(batches(g)).containsExactly(List.of(0, 1, 2, 3, 4));
    });
  }

  @Test
  void aLostPodsUnfinishedUnitsRunAgainElsewhereAndCountAnotherAttempt() {
    PodView lost = new PodView("a", "rv-a", true, Assignment.none().plus(List.of(0, 1)), 1);
    PodView replacement = asking("a2", 1, Assignment.none());
    PodView other = asking("b", 1, Assignment.none().plus(List.of(2)));

    // u0 was finished by the lost pod before it died; u1 was running.
    List<Grant> grants = DynamicWork.grants(UNITS, List.of(lost, replacement, other), Set.of("u0.json"), Set.of(), 2, ONE_AT_A_TIME);

    assertThat(grants).singleElement().satisfies(g -> {
      assertThat(g.pod()).isEqualTo("a2");
      assertThat(batches(g)).containsExactly(List.of(1));
    });
    PodView rerunning = asking("a2", 1, grants.get(0).assignment());
    assertThat(DynamicWork.attempts(UNITS, List.of(lost, rerunning, other)))
        .containsEntry("u1.json", 2).containsEntry("u0.json", 1).containsEntry("u2.json", 1);
  }

  @Test
  void unitsTheOperatorJustHandedOutAreNotHandedOutAgainBeforeItsCacheShowsThem() {
    // The cache still shows pod a without the batch the operator gave it a moment ago (unit 0).
    List<Grant> grants = DynamicWork.grants(UNITS, List.of(asking("a", 1, Assignment.none()), asking("b", 1, Assignment.none())),
        Set.of(), Set.of(0), 2, ONE_AT_A_TIME);

    assertThat(grants).extracting(DynamicWorkTest::batches).doesNotContain(List.of(List.of(0)));
  }

  @Test
  void theSameViewGivesTheSameGrantsSoARestartedOperatorDecidesAlike() {
    List<PodView> pods = List.of(asking("a", 2, Assignment.none().plus(List.of(0))), asking("b", 1, Assignment.none()));

    assertThat(DynamicWork.grants(UNITS, pods, Set.of("u0.json"), Set.of(), 2, BatchPolicy.shrinking()))
        .isEqualTo(DynamicWork.grants(UNITS, pods, Set.of("u0.json"), Set.of(), 2, BatchPolicy.shrinking()));
  }
}
