package io.shardrun.core.plan;

import static io.shardrun.core.TestSuites.actionFile;
import static io.shardrun.core.TestSuites.dependingOn;
import static io.shardrun.core.TestSuites.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardrun.core.TestSuites;
import io.shardrun.core.history.Estimates;
import io.shardrun.core.history.History;
import io.shardrun.core.history.RunRecord;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.select.Selection;
import io.shardrun.core.select.SelectionCriteria;
import io.shardrun.core.suite.Suite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WorkQueueTest {
  static RunRecord run(long ms, Outcome outcome) {
    return new RunRecord(ms, outcome, "2026-01-01T00:00:00Z");
  }

  static List<WorkUnit> queue(Suite suite, History history) {
    List<String> selected = Selection.select(suite, SelectionCriteria.all());
    return Planner.queue(suite, selected, new Estimates(suite, selected, history, 10));
  }

  /** Units of the given estimates, in queue order. */
  static List<WorkUnit> units(long... estimatesMs) {
    return IntStream.range(0, estimatesMs.length)
        .mapToObj(i -> new WorkUnit(i, List.of(new PlannedFile("f" + i + ".json", estimatesMs[i])))).toList();
  }

  static List<Integer> ids(List<WorkUnit> batch) {
    return batch.stream().map(WorkUnit::id).toList();
  }

  @Test
  void unitsAreQueuedLongestFailureAdjustedEstimateFirstWithDependencyGroupsAndSerialFilesWhole() {
    Suite suite = TestSuites.suite(
        "short.json", plain(),
        "flaky.json", plain(),
        "steady.json", plain(),
        "login.json", plain(),
        "checkout.json", dependingOn("login.json"),
        "serial-a.json", actionFile(1, List.of(), List.of(), true),
        "serial-b.json", actionFile(1, List.of(), List.of(), true));
    History history = new History(History.VERSION, Map.of(
        "short.json", List.of(run(1000, Outcome.PASSED)),
        "flaky.json", List.of(run(5000, Outcome.PASSED), run(5000, Outcome.FAILED)),
        "steady.json", List.of(run(5000, Outcome.PASSED), run(5000, Outcome.PASSED)),
        "login.json", List.of(run(4000, Outcome.PASSED)),
        "checkout.json", List.of(run(4000, Outcome.PASSED)),
        "serial-a.json", List.of(run(3000, Outcome.PASSED)),
        "serial-b.json", List.of(run(3000, Outcome.PASSED))));

    List<WorkUnit> queue = queue(suite, history);

    assertThat(queue).extracting(u -> u.files().stream().map(PlannedFile::path).toList()).containsExactly(
        List.of("login.json", "checkout.json"),
        List.of("flaky.json"), // 5 s raised by its failure rate above the serial files' 6 s
        List.of("serial-a.json", "serial-b.json"),
        List.of("steady.json"),
        List.of("short.json"));
    assertThat(queue).extracting(WorkUnit::id).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void theDefaultBatchIsTheRemainingEstimateOverTwiceTheShardsAndShrinksAsTheQueueDrains() {
    // 20 units of 1 s on 2 shards: 20 s / 4 = 5 s, then 15 s / 4 = 3.75 s -> 4 units, ...
    WorkQueue queue = new WorkQueue(units(new long[20]).stream()
        .map(u -> new WorkUnit(u.id(), List.of(new PlannedFile(u.files().get(0).path(), 1000)))).toList(),
        Set.of(), 2, BatchPolicy.shrinking());

    List<Integer> sizes = new ArrayList<>();
    for (List<WorkUnit> batch = queue.next(); !batch.isEmpty(); batch = queue.next()) {
      sizes.add(batch.size());
    }

    assertThat(sizes).containsExactly(5, 4, 3, 2, 2, 1, 1, 1, 1);
    assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(20);
  }

  @Test
  void timeBatchesTakeUnitsUpToTheirTargetAndAlwaysAtLeastOne() {
    WorkQueue queue = new WorkQueue(units(9000, 2000, 2000, 1000, 500, 500), Set.of(), 4, new BatchPolicy(BatchPolicy.Mode.TIME, 5));

    assertThat(ids(queue.next())).containsExactly(0);
    assertThat(ids(queue.next())).containsExactly(1, 2, 3);
    assertThat(ids(queue.next())).containsExactly(4, 5);
    assertThat(queue.next()).isEmpty();
  }

  @Test
  void countBatchesAndUnbatchedQueuesTakeAFixedNumberOfUnits() {
    WorkQueue counted = new WorkQueue(units(1, 1, 1, 1, 1), Set.of(), 2, new BatchPolicy(BatchPolicy.Mode.COUNT, 2));
    assertThat(ids(counted.next())).containsExactly(0, 1);
    assertThat(ids(counted.next())).containsExactly(2, 3);
    assertThat(ids(counted.next())).containsExactly(4);

    WorkQueue single = new WorkQueue(units(1, 1), Set.of(), 2, new BatchPolicy(BatchPolicy.Mode.OFF, 0));
    assertThat(ids(single.next())).containsExactly(0);
    assertThat(ids(single.next())).containsExactly(1);
  }

  @Test
  void aRebuiltQueueLeavesOutWhatWasHandedOutAndUnitsGivenBackGoFirstInQueueOrder() {
    List<WorkUnit> all = units(5000, 4000, 3000, 2000, 1000);
    WorkQueue queue = new WorkQueue(all, Set.of(0, 1, 3), 2, new BatchPolicy(BatchPolicy.Mode.OFF, 0));
    assertThat(queue.left()).extracting(WorkUnit::id).containsExactly(2, 4);

    queue.giveBack(List.of(all.get(3), all.get(1)));

    assertThat(queue.left()).extracting(WorkUnit::id).containsExactly(1, 2, 3, 4);
    assertThat(ids(queue.next())).containsExactly(1);
  }

  @Test
  void aBatchTargetBelowOneIsRefused() {
    assertThatThrownBy(() -> new BatchPolicy(BatchPolicy.Mode.TIME, 0))
        .hasMessage("a time batch needs a target of at least 1, got 0");
  }
}
