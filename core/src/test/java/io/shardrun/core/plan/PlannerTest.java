package io.shardrun.core.plan;

import static io.shardrun.core.TestSuites.actionFile;
import static io.shardrun.core.TestSuites.dependingOn;
import static io.shardrun.core.TestSuites.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardrun.core.TestSuites;
import io.shardrun.core.action.Problem;
import io.shardrun.core.history.Estimates;
import io.shardrun.core.history.History;
import io.shardrun.core.history.RunRecord;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.select.Selection;
import io.shardrun.core.select.SelectionCriteria;
import io.shardrun.core.suite.Suite;
import io.shardrun.crd.v1alpha1.Sharding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PlannerTest {
  private static final List<String> LETTERS =
      List.of("a.json", "b.json", "c.json", "d.json", "e.json", "f.json", "g.json", "h.json");

  private static Plan plan(Suite suite, int shards, Sharding sharding, History history) {
    List<String> selected = Selection.select(suite, SelectionCriteria.all());
    return Planner.plan(suite, selected, shards, sharding, new Estimates(suite, selected, history, 10));
  }

  private static Map<String, Integer> shardOfEachFile(Plan plan) {
    Map<String, Integer> shardOf = new TreeMap<>();
    plan.shards().forEach(s -> s.files().forEach(f -> shardOf.put(f.path(), s.index())));
    return shardOf;
  }

  private static List<String> paths(PlannedShard shard) {
    return shard.files().stream().map(PlannedFile::path).toList();
  }

  private static Suite independent(List<String> paths) {
    List<String> args = new ArrayList<>();
    paths.forEach(p -> {
      args.add(p);
      args.add(plain());
    });
    return TestSuites.suite(args.toArray(String[]::new));
  }

  private static RunRecord run(long ms, Outcome outcome) {
    return new RunRecord(ms, outcome, "2026-01-01T00:00:00Z");
  }

  @Test
  void hashShardingPutsEachIndependentFileOnItsHashShard() {
    Plan plan = plan(independent(LETTERS), 3, Sharding.HASH, History.empty());

    Map<String, Integer> expected = new TreeMap<>();
    LETTERS.forEach(p -> expected.put(p, ShardAssignment.hash(p, 3)));
    assertThat(shardOfEachFile(plan)).isEqualTo(expected);
    // from Python's hashlib: a, d, f on 2; b, c, e on 1; g, h on 0
    assertThat(plan.shards()).map(PlannerTest::paths).containsExactly(
        List.of("g.json", "h.json"), List.of("b.json", "c.json", "e.json"), List.of("a.json", "d.json", "f.json"));
    assertThat(plan.sharding()).isEqualTo(Sharding.HASH);
  }

  @Test
  void addingAFileMovesNoOtherFileUnderHashSharding() {
    Map<String, Integer> before = shardOfEachFile(plan(independent(LETTERS), 3, Sharding.HASH, History.empty()));
    List<String> more = new ArrayList<>(LETTERS);
    more.add("new-feature.json");

    Map<String, Integer> after = shardOfEachFile(plan(independent(more), 3, Sharding.HASH, History.empty()));

    assertThat(after).containsAllEntriesOf(before).containsEntry("new-feature.json", ShardAssignment.hash("new-feature.json", 3));
  }

  @Test
  void dependencyChainStaysOnTheHashShardOfItsFirstFile() {
    Suite suite = TestSuites.suite(
        "auth/login.json", plain(),
        "shop/cart.json", dependingOn("login.json"),
        "shop/checkout.json", dependingOn("cart.json"),
        "g.json", plain());
    // on 7 shards the three chain files hash to 2, 3 and 4: only the first one's counts
    assertThat(List.of("auth/login.json", "shop/cart.json", "shop/checkout.json"))
        .map(p -> ShardAssignment.hash(p, 7)).containsExactly(2, 3, 4);

    Plan plan = plan(suite, 7, Sharding.HASH, History.empty());

    assertThat(paths(plan.shards().get(2))).containsExactly("auth/login.json", "shop/cart.json", "shop/checkout.json");
    assertThat(shardOfEachFile(plan)).containsEntry("g.json", ShardAssignment.hash("g.json", 7));
  }

  @Test
  void allSerialFilesRunOnOneShardUnderHashSharding() {
    Suite suite = TestSuites.suite(
        "serial-a.json", actionFile(1, List.of(), List.of(), true),
        "serial-b.json", actionFile(1, List.of(), List.of(), true),
        "serial-c.json", actionFile(1, List.of(), List.of(), true),
        "x/after.json", dependingOn("serial-b.json"),
        "g.json", plain());
    // on 4 shards serial-a, -b, -c hash to 2, 3, 0; the group goes where its first file hashes
    assertThat(List.of("serial-a.json", "serial-b.json", "serial-c.json"))
        .map(p -> ShardAssignment.hash(p, 4)).containsExactly(2, 3, 0);

    Plan plan = plan(suite, 4, Sharding.HASH, History.empty());

    assertThat(paths(plan.shards().get(2)))
        .containsExactly("serial-a.json", "serial-b.json", "serial-c.json", "x/after.json");
    assertThat(paths(plan.shards().get(ShardAssignment.hash("g.json", 4)))).containsExactly("g.json");
  }

  @Test
  void allSerialFilesRunOnOneShardUnderBalancedSharding() {
    Suite suite = TestSuites.suite(
        "a.json", actionFile(1, List.of(), List.of(), true),
        "b.json", actionFile(1, List.of(), List.of(), false),
        "c.json", actionFile(1, List.of(), List.of(), true),
        "d.json", actionFile(1, List.of(), List.of(), false),
        "e.json", actionFile(1, List.of(), List.of(), true));

    Plan plan = plan(suite, 3, Sharding.BALANCED, History.empty());

    // the serial unit (a, c, e: 3000 ms) is the longest and goes first onto shard 0
    assertThat(plan.shards()).map(PlannerTest::paths)
        .containsExactly(List.of("a.json", "c.json", "e.json"), List.of("b.json"), List.of("d.json"));
    assertThat(plan.shards()).extracting(PlannedShard::estimateMs).containsExactly(3000L, 1000L, 1000L);
  }

  @Test
  void balancedShardingSpreadsKnownEstimatesLongestFirst() {
    Suite suite = independent(List.of("a.json", "b.json", "c.json", "d.json", "e.json", "f.json"));
    Map<String, Long> seconds = Map.of("a.json", 3L, "b.json", 7L, "c.json", 1L, "d.json", 5L, "e.json", 2L, "f.json", 4L);
    Map<String, List<RunRecord>> runs = new HashMap<>();
    seconds.forEach((f, s) -> runs.put(f, List.of(run(s * 1000, Outcome.PASSED))));

    Plan plan = plan(suite, 2, Sharding.BALANCED, new History(History.VERSION, runs));

    // 7 (b) -> 0, 5 (d) -> 1, 4 (f) -> 1, 3 (a) -> 0, 2 (e) -> 1, 1 (c) -> 0
    assertThat(plan.shards()).containsExactly(
        new PlannedShard(0, 11000, List.of(
            new PlannedFile("a.json", 3000), new PlannedFile("b.json", 7000), new PlannedFile("c.json", 1000))),
        new PlannedShard(1, 11000, List.of(
            new PlannedFile("d.json", 5000), new PlannedFile("e.json", 2000), new PlannedFile("f.json", 4000))));
    assertThat(plan.sharding()).isEqualTo(Sharding.BALANCED);
  }

  @Test
  void balancedShardingWeighsADependencyChainAsOneUnit() {
    Suite suite = TestSuites.suite(
        "a.json", actionFile(2, List.of(), List.of(), false),
        "b.json", actionFile(2, List.of(), List.of("a.json"), false),
        "c.json", actionFile(3, List.of(), List.of(), false),
        "d.json", actionFile(1, List.of(), List.of(), false));

    Plan plan = plan(suite, 2, Sharding.BALANCED, History.empty());

    // units: {a, b} 4000, {c} 3000, {d} 1000 -> 4000 on 0, 3000 on 1, 1000 on 1
    assertThat(plan.shards()).map(PlannerTest::paths)
        .containsExactly(List.of("a.json", "b.json"), List.of("c.json", "d.json"));
  }

  @Test
  void likelyFailuresRunFirstInsideAShardWhereDependenciesAllow() {
    Suite suite = TestSuites.suite(
        "about.json", plain(),
        "login.json", plain(),
        "cart.json", dependingOn("login.json"),
        "search.json", plain());
    History history = new History(History.VERSION, Map.of(
        "about.json", List.of(run(1000, Outcome.PASSED)),
        "login.json", List.of(run(1000, Outcome.PASSED)),
        "cart.json", List.of(run(1000, Outcome.FAILED)),
        "search.json", List.of(run(1000, Outcome.PASSED), run(1000, Outcome.FAILED))));

    Plan plan = plan(suite, 1, Sharding.HASH, history);

    // search (0.5) first; cart (1.0) must wait for login, which ties with about (0.0) on suite order
    assertThat(paths(plan.shards().get(0))).containsExactly("search.json", "about.json", "login.json", "cart.json");
  }

  @Test
  void withoutHistoryAShardRunsInSuiteOrder() {
    Suite suite = TestSuites.suite(
        "z.json", plain(),
        "b.json", dependingOn("z.json"),
        "a.json", plain());

    Plan plan = plan(suite, 1, Sharding.BALANCED, History.empty());

    assertThat(paths(plan.shards().get(0))).containsExactly("a.json", "z.json", "b.json");
  }

  @Test
  void emptyShardsArePartOfThePlan() {
    Plan plan = plan(independent(List.of("login.json")), 4, Sharding.HASH, History.empty());

    assertThat(plan.shards()).containsExactly(
        new PlannedShard(0, 1000, List.of(new PlannedFile("login.json", 1000))),
        new PlannedShard(1, 0, List.of()),
        new PlannedShard(2, 0, List.of()),
        new PlannedShard(3, 0, List.of()));
    assertThat(plan.jobShards()).extracting(PlannedShard::index).containsExactly(0);
    assertThat(plan.fileCount()).isEqualTo(1);
  }

  @Test
  void planOnlyHoldsTheSelectedFiles() {
    Suite suite = TestSuites.suite(
        "login.json", actionFile(List.of("auth"), List.of()),
        "cart.json", actionFile(List.of("shop"), List.of("login.json")),
        "search.json", actionFile(List.of("shop"), List.of()),
        "admin.json", actionFile(List.of("admin"), List.of()));
    SelectionCriteria criteria = new SelectionCriteria(java.util.Set.of("shop"), java.util.Set.of(),
        List.of(), List.of(), null, null);
    List<String> selected = Selection.select(suite, criteria);

    Plan plan = Planner.plan(suite, selected, 2, Sharding.BALANCED, new Estimates(suite, selected, History.empty(), 10));

    assertThat(shardOfEachFile(plan)).containsOnlyKeys("login.json", "cart.json", "search.json");
    assertThat(plan.fileCount()).isEqualTo(3);
  }

  @Test
  void filesDownstreamOfABrokenFileAreNotPlanned() {
    io.shardrun.core.suite.SuiteParser.Result result = TestSuites.parse(
        "broken.json", "{\"steps\": [{\"command\": \"open\"}]}",
        "after.json", dependingOn("broken.json"),
        "cycle-a.json", dependingOn("cycle-b.json"),
        "cycle-b.json", dependingOn("cycle-a.json"),
        "after-cycle.json", dependingOn("cycle-b.json"),
        "ok.json", plain());

    Plan plan = plan(result.suite(), 2, Sharding.HASH, History.empty());

    // the cycle is reported where the search (from after-cycle.json, first by path) enters it
    assertThat(result.problems()).containsExactly(
        new Problem("broken.json", "steps[0].target", "open expects non-empty text in target, found nothing"),
        new Problem("cycle-b.json", "meta.depends_on", "dependency cycle: cycle-b.json -> cycle-a.json -> cycle-b.json"));
    assertThat(shardOfEachFile(plan)).containsOnlyKeys("ok.json");
  }

  @Test
  void fewerThanOneShardIsRejected() {
    Suite suite = independent(List.of("a.json"));
    Estimates estimates = new Estimates(suite, List.of("a.json"), History.empty(), 10);

    assertThatThrownBy(() -> Planner.plan(suite, List.of("a.json"), 0, Sharding.HASH, estimates))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("shards must be at least 1, got 0");
  }
}
