package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.action.ActionFile;
import io.shardrun.core.action.Command;
import io.shardrun.core.action.Meta;
import io.shardrun.core.action.Step;
import io.shardrun.core.budget.Budgets;
import io.shardrun.core.history.History;
import io.shardrun.core.history.RunRecord;
import io.shardrun.core.plan.BatchPolicy;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.run.RunPlanner;
import io.shardrun.core.select.SelectionCriteria;
import io.shardrun.core.suite.DependencyGraph;
import io.shardrun.core.suite.Suite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchDynamicCommandTest {
  private static final BatchPolicy ONE_AT_A_TIME = new BatchPolicy(BatchPolicy.Mode.OFF, 0);
  private static final String[] NO_RANDOMNESS = {"--estimate-sigma", "0", "--noise-sigma", "0", "--start-mean", "0"};
  private static final Pattern LAST_LINE = Pattern.compile("dynamic geo-mean (\\d+\\.\\d\\d), worst (\\d+\\.\\d\\d);"
      + " balanced geo-mean (\\d+\\.\\d\\d), worst (\\d+\\.\\d\\d)");

  @TempDir Path dir;

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

  private Path trace(String name, double... seconds) throws IOException {
    StringBuilder json = new StringBuilder("{\"durations\": {");
    for (int i = 0; i < seconds.length; i++) {
      json.append(i == 0 ? "" : ", ").append("\"tests/test_").append(i).append(".py\": ")
          .append(String.format(Locale.ROOT, "%.3f", seconds[i]));
    }
    Path file = dir.resolve(name);
    Files.writeString(file, json.append("}, \"unit\": \"file\"}").toString());
    return file;
  }

  private static String[] args(String... args) {
    return args;
  }

  private static String[] concat(String[] first, String... more) {
    return PlainMessagesTest.ArraysOf.concat(first, more);
  }

  /** The table rows: trace, items, shards, balanced, dynamic. */
  private static List<String[]> rows(Cli cli) {
    List<String> lines = cli.out().lines().toList();
    return lines.subList(2, lines.size() - 1).stream().map(l -> l.trim().split("\\s+")).toList();
  }

  private static String lastLine(Cli cli) {
    List<String> lines = cli.out().lines().toList();
    return lines.get(lines.size() - 1);
  }

  @Test
  void equalItemsOnPodsStartingTogetherWithoutNoiseOrLatencyEndExactlyAtTheBound() throws IOException {
    // 16 items of 10 s on 4 shards from 5 s: 4 each, all end at 45 s = (160 + 4 x 5) / 4.
    String file = trace("equal.json", times(16, 10)).toString();
    for (String prefetch : List.of("lead", "last-unit", "off")) {
      Cli cli = Cli.run(concat(args("bench-dynamic", file, "--shards", "4", "--handoff", "0", "--seeds", "3",
          "--prefetch", prefetch), NO_RANDOMNESS));

      assertThat(cli.exitCode()).as(cli.err()).isZero();
      assertThat(cli.out().lines().toList().get(1)).containsSubsequence("trace", "items", "shards", "balanced", "dynamic");
      assertThat(rows(cli)).singleElement().satisfies(row -> assertThat(row).containsExactly("equal.json", "16", "4", "1.00", "1.00"));
      assertThat(lastLine(cli)).isEqualTo("dynamic geo-mean 1.00, worst 1.00; balanced geo-mean 1.00, worst 1.00");
    }
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
    // The shipped rule asks 5 s before the 100 s unit is estimated to end: the other shard has taken both 50 s units by then.
    assertThat(new DynamicSchedule(ONE_AT_A_TIME, 0, DynamicSchedule.Prefetch.LEAD).makespanSeconds(run)).isEqualTo(100);
  }

  @Test
  void theShippedRuleHidesTheHandOffBehindUnitsLongerThanItsLead() {
    // One pod at 0 s, one unit per batch, 1 s per hand-off: asked 5 s before each 10 s unit ends, every next batch is there in time.
    SimulatedRun longUnits = run(times(4, 10), 0);
    SimulatedRun shortUnits = run(times(4, 0.5), 0);
    DynamicSchedule shipped = new DynamicSchedule(ONE_AT_A_TIME, 1, DynamicSchedule.Prefetch.LEAD);

    assertThat(shipped.makespanSeconds(longUnits)).isEqualTo(41); // only the first hand-off shows
    assertThat(shipped.makespanSeconds(shortUnits)).isEqualTo(4.5); // asked as each short unit starts
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
      Meta meta = new Meta(path, List.of(), List.of(), false, null, 0, List.of(), null, List.of());
      files.put(path, new ActionFile(path, meta, List.of(new Step(Command.OPEN, "https://example.test/", "", null, "steps[0]"))));
      runs.put(path, List.of(new RunRecord(estimateMs[i], Outcome.PASSED, "2026-01-01T00:00:00Z")));
      upstream.put(path, List.of());
    }
    Suite suite = new Suite(files, new DependencyGraph(upstream), Budgets.NONE);
    History history = new History(History.VERSION, runs);

    assertThat(DynamicSchedule.queueUnits(new SimulatedRun(ids, estimateMs, new double[4], new double[] {0})))
        .isEqualTo(RunPlanner.queue(SelectionCriteria.all(), 10, suite, history))
        .extracting(unit -> unit.files().get(0).path()).containsExactly("c.json", "a.json", "b.json", "d.json");
  }

  @Test
  void theSameSeedsGiveTheSameTableAndTheLastLineSummarisesItsMedians() throws IOException {
    Random random = new Random(42);
    double[] seconds = IntStream.range(0, 60).mapToDouble(i -> Math.exp(2 * random.nextGaussian())).toArray();
    String file = trace("random.json", seconds).toString();

    Cli first = Cli.run("bench-dynamic", file, "--shards", "2,5", "--seeds", "4");
    Cli again = Cli.run("bench-dynamic", file, "--shards", "2,5", "--seeds", "4");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(again.out()).isEqualTo(first.out());
    assertThat(first.out().lines().toList().get(0)).isEqualTo("model: estimate = duration x e^(0.3 g), run time = duration"
        + " x e^(0.15 g'), pod start = 5.0 s + Exp(mean 20.0 s), hand-off 0.3 s, batches shrinking, prefetch lead;"
        + " median of 4 seeds");
    assertThat(rows(first)).extracting(row -> row[2]).containsExactly("2", "5");
    Matcher last = LAST_LINE.matcher(lastLine(first));
    assertThat(last.matches()).as(lastLine(first)).isTrue();
    assertSummarises(rows(first), 4, last.group(1), last.group(2));
    assertSummarises(rows(first), 3, last.group(3), last.group(4));
  }

  @Test
  void badFlagsAreRefusedUpFrontNamingTheFlagInPlainWords() throws IOException {
    String file = trace("equal.json", times(4, 1)).toString();
    Map<List<String>, String> refused = new LinkedHashMap<>(Map.ofEntries(
        Map.entry(List.of("--shards", "0"), "--shards: expected a comma-separated list of shard counts from 1 to 1000"),
        Map.entry(List.of("--seeds", "0"), "--seeds: expected a number of seeds >= 1, got 0"),
        Map.entry(List.of("--seeds", "many"), "--seeds"),
        Map.entry(List.of("--estimate-sigma", "-0.1"), "--estimate-sigma: expected a standard deviation from 0 to 2, got -0.1"),
        Map.entry(List.of("--estimate-sigma", "NaN"), "--estimate-sigma: expected a standard deviation from 0 to 2, got NaN"),
        Map.entry(List.of("--noise-sigma", "3"), "--noise-sigma: expected a standard deviation from 0 to 2, got 3.0"),
        Map.entry(List.of("--start-base", "-1"), "--start-base: expected seconds from 0 to 1000000000, got -1.0"),
        Map.entry(List.of("--start-mean", "Infinity"), "--start-mean: expected seconds from 0 to 1000000000, got Infinity"),
        Map.entry(List.of("--handoff", "-0.3"), "--handoff: expected seconds from 0 to 1000000000, got -0.3"),
        Map.entry(List.of("--prefetch", "always"), "--prefetch: expected lead, last-unit or off, got 'always'")));
    for (String batch : List.of("time:0", "time:", "time:2.5", "count:x", "count:-1", "count:2:3", "fast", "", "Off")) {
      refused.put(List.of("--batch", batch), "--batch: expected time:SECONDS, count:N, off or shrinking"
          + " (SECONDS and N whole numbers >= 1), got '" + batch + "'");
    }
    refused.forEach((flag, message) -> {
      Cli cli = Cli.run(concat(args("bench-dynamic", file), flag.toArray(String[]::new)));

      assertThat(cli.exitCode()).as(flag.toString()).isEqualTo(2);
      assertThat(cli.err()).as(flag.toString()).contains(message);
      assertThat(cli.out()).isEmpty();
      PlainMessagesTest.assertPlain(cli.err());
    });
  }

  @Test
  void everyBatchPolicyAndPrefetchRuns() throws IOException {
    String file = trace("few.json", 30, 20, 10, 5, 5, 1).toString();
    for (String batch : List.of("time:5", "count:2", "off", "shrinking")) {
      for (String prefetch : List.of("lead", "last-unit", "off")) {
        Cli cli = Cli.run("bench-dynamic", file, "--shards", "2", "--seeds", "2", "--batch", batch, "--prefetch", prefetch);

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("batches " + batch + ", prefetch " + prefetch);
        assertThat(lastLine(cli)).matches(LAST_LINE.pattern());
      }
    }
  }

  /** The geo-mean lies between the column's least and greatest median; the worst is the greatest. */
  private static void assertSummarises(List<String[]> rows, int column, String geoMean, String worst) {
    double[] medians = rows.stream().mapToDouble(row -> Double.parseDouble(row[column])).toArray();
    double greatest = Arrays.stream(medians).max().orElseThrow();
    assertThat(Double.parseDouble(geoMean)).isBetween(Arrays.stream(medians).min().orElseThrow(), greatest);
    assertThat(Double.parseDouble(worst)).isEqualTo(greatest);
  }
}
