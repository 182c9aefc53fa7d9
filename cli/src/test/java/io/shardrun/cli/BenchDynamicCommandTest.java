package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.action.ActionFile;
import io.shardrun.core.action.Command;
import io.shardrun.core.action.Meta;
import io.shardrun.core.action.Step;
import io.shardrun.core.history.History;
import io.shardrun.core.history.RunRecord;
import io.shardrun.core.plan.BatchPolicy;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.run.RunPlanner;
import io.shardrun.core.select.SelectionCriteria;
import io.shardrun.core.suite.DependencyGraph;
import io.shardrun.core.suite.Suite;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BenchDynamicCommandTest {
  private static final BatchPolicy ONE_AT_A_TIME = new BatchPolicy(BatchPolicy.Mode.OFF, 0);

  /** A run with exact estimates and run times of {@code seconds}, pods starting at {@code starts}. */
  private static SimulatedRun run(double[] seconds, double... starts) {
    List<String> ids = IntStream.range(0, seconds.length).mapToObj(i -> "item-" + (char) ('a' + i)).toList();
    long[] estimateMs = Arrays.stream(seconds).mapToLong(s -> Math.round(s * 1000)).toArray();
    return new SimulatedRun(ids, estimateMs, seconds.clone(), starts);
  }

  private static double[] times(int count, double seconds) {
    double[] items = new double[count];
    Arrays.fill(items, seconds);
    return items;
  }

  @Test
  void withoutSpreadARunIsTheTraceItselfWithEveryPodUpAtTheBase() {
    DurationTrace trace = new DurationTrace("t.json", List.of("a", "b", "c"), new long[] {1000, 2500, 400});

    SimulatedRun run = new RunModel(0, 0, 5, 0).draw(trace, 2, 1);

    assertThat(run.estimateMs()).containsExactly(1000, 2500, 400);
    assertThat(run.runSeconds()).containsExactly(1, 2.5, 0.4);
    assertThat(run.startSeconds()).containsExactly(5, 5);
  }

  @Test
  void aSeedDrawsTheSameItemsAtEveryShardCountAndMoreShardsAddPodsToTheSameFirstOnes() {
    DurationTrace trace = new DurationTrace("t.json", List.of("a", "b", "c"), new long[] {1000, 2500, 400});
    RunModel model = new RunModel(0.3, 0.15, 5, 20);

    SimulatedRun four = model.draw(trace, 4, 7);
    SimulatedRun eight = model.draw(trace, 8, 7);
    SimulatedRun otherSeed = model.draw(trace, 4, 8);

    assertThat(eight.estimateMs()).containsExactly(four.estimateMs());
    assertThat(eight.runSeconds()).containsExactly(four.runSeconds());
    assertThat(Arrays.copyOf(eight.startSeconds(), 4)).containsExactly(four.startSeconds());
    assertThat(Arrays.stream(four.startSeconds()).min().orElseThrow()).isGreaterThanOrEqualTo(5);
    assertThat(otherSeed.estimateMs()).isNotEqualTo(four.estimateMs());
  }

  @Test
  void aLatePodLeavesStaticBalancedBehindWhileTheQueueGivesItOnlyWhatIsLeft() {
    // 12 items of 10 s, one pod at 0 s and one at 60 s: bound max(0 + 10, (120 + 60) / 2) = 90 s.
    SimulatedRun late = run(times(12, 10), 0, 60);

    assertThat(late.lowerBoundSeconds()).isEqualTo(90);
    assertThat(BalancedSchedule.makespanSeconds(late)).isEqualTo(120); // 6 items each, the late pod until 120 s
    for (DynamicSchedule.Prefetch prefetch : DynamicSchedule.Prefetch.values()) {
      assertThat(new DynamicSchedule(BatchPolicy.shrinking(), 0, prefetch).makespanSeconds(late)).as(prefetch.name())
          .isEqualTo(90); // the first pod runs 6 items by 60 s, then both share the other 6
    }
  }

  @Test
  void prefetchingOnTheLastUnitHidesTheHandOffUnlessThatUnitIsShorter() {
    // One pod at 0 s, one unit per batch, 1 s per hand-off.
    SimulatedRun longUnits = run(times(4, 10), 0);
    SimulatedRun shortUnits = run(times(4, 0.5), 0);
    DynamicSchedule prefetching = new DynamicSchedule(ONE_AT_A_TIME, 1, DynamicSchedule.Prefetch.LAST_UNIT);
    DynamicSchedule asking = new DynamicSchedule(ONE_AT_A_TIME, 1, DynamicSchedule.Prefetch.OFF);

    assertThat(prefetching.makespanSeconds(longUnits)).isEqualTo(41); // only the first hand-off shows
    assertThat(asking.makespanSeconds(longUnits)).isEqualTo(44); // every hand-off shows
    assertThat(prefetching.makespanSeconds(shortUnits)).isEqualTo(4.5); // a unit every 1 s, the last ends 0.5 s later
    assertThat(asking.makespanSeconds(shortUnits)).isEqualTo(6); // 4 x (1 s + 0.5 s)
  }

  @Test
  void aBatchFetchedAheadWaitsBehindALongUnitWhileAnotherShardRunsOutOfWork() {
    // Two pods at 0 s, units of 100, 50 and 50 s, no latency: the bound is 100 s.
    SimulatedRun run = run(new double[] {100, 50, 50}, 0, 0);

    // The first shard takes 100 s and at once the second 50 s unit, which waits behind it.
    assertThat(new DynamicSchedule(ONE_AT_A_TIME, 0, DynamicSchedule.Prefetch.LAST_UNIT).makespanSeconds(run)).isEqualTo(150);
    assertThat(new DynamicSchedule(ONE_AT_A_TIME, 0, DynamicSchedule.Prefetch.OFF).makespanSeconds(run)).isEqualTo(100);
    assertThat(run.lowerBoundSeconds()).isEqualTo(100);
  }

  @Test
  void itemsAreQueuedAsThePlannerQueuesFilesWithTheSameEstimates() {
    List<String> ids = List.of("b.json", "c.json", "a.json", "d.json");
    long[] estimateMs = {5000, 7000, 5000, 1000};
    TreeMap<String, ActionFile> files = new TreeMap<>();
    TreeMap<String, List<RunRecord>> runs = new TreeMap<>();
    Map<String, List<String>> upstream = new TreeMap<>();
    for (int i = 0; i < ids.size(); i++) {
      String path = ids.get(i);
      Meta meta = new Meta(path, List.of(), List.of(), false, null, 0, List.of());
      files.put(path, new ActionFile(path, meta, List.of(new Step(Command.OPEN, "https://example.test/", "", null, "steps[0]"))));
      runs.put(path, List.of(new RunRecord(estimateMs[i], Outcome.PASSED, "2026-01-01T00:00:00Z")));
      upstream.put(path, List.of());
    }
    Suite suite = new Suite(files, new DependencyGraph(upstream));
    History history = new History(History.VERSION, runs);

    assertThat(DynamicSchedule.queueUnits(new SimulatedRun(ids, estimateMs, new double[4], new double[] {0})))
        .isEqualTo(RunPlanner.queue(SelectionCriteria.all(), 10, suite, history))
        .extracting(unit -> unit.files().get(0).path()).containsExactly("c.json", "a.json", "b.json", "d.json");
  }
}
