package io.shardrun.cli;

import io.shardrun.core.action.ActionFile;
import io.shardrun.core.action.Command;
import io.shardrun.core.action.Meta;
import io.shardrun.core.action.Step;
import io.shardrun.core.budget.Budgets;
import io.shardrun.core.history.History;
import io.shardrun.core.history.RunRecord;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.suite.DependencyGraph;
import io.shardrun.core.suite.Suite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An in-memory suite of many files with a history, shaped like a large real one, for timing the
 * planner: every {@value #CHAIN_EVERY}th file starts a depends_on chain of {@value #CHAIN_LENGTH}
 * files, every {@value #SERIAL_EVERY}th file is serial, 95% of the files have
 * {@value #RUNS} past runs (log-normal durations, about 2% failed), the rest are new and estimated
 * from their 2 to 9 steps.
 */
record SyntheticSuite(Suite suite, History history) {
  static final int CHAIN_EVERY = 100;
  static final int CHAIN_LENGTH = 4;
  static final int SERIAL_EVERY = 5000;
  static final int RUNS = 5;

  static SyntheticSuite generate(int fileCount, long seed) {
    Random random = new Random(seed);
    SortedMap<String, ActionFile> files = new TreeMap<>();
    Map<String, List<String>> upstream = new HashMap<>();
    SortedMap<String, List<RunRecord>> runs = new TreeMap<>();
    String previous = null;
    for (int i = 0; i < fileCount; i++) {
      String path = String.format("area-%02d/test-%06d.json", i % 50, i);
      List<String> dependsOn = i % CHAIN_EVERY > 0 && i % CHAIN_EVERY < CHAIN_LENGTH ? List.of(previous) : List.of();
      Meta meta = new Meta(path, List.of("area-" + (i % 50)), dependsOn, i % SERIAL_EVERY == 0, null, 0, List.of(), null, List.of());
      files.put(path, new ActionFile(path, meta, steps(2 + random.nextInt(8))));
      upstream.put(path, dependsOn);
      if (random.nextDouble() < 0.95) {
        double typicalMs = Math.exp(9.5 + random.nextGaussian());
        List<RunRecord> history = new ArrayList<>();
        for (int r = 0; r < RUNS; r++) {
          long durationMs = Math.round(typicalMs * Math.exp(0.2 * random.nextGaussian()));
          Outcome outcome = random.nextDouble() < 0.02 ? Outcome.FAILED : Outcome.PASSED;
          history.add(new RunRecord(durationMs, outcome, "2025-01-01T00:0" + r + ":00Z"));
        }
        runs.put(path, history);
      }
      previous = path;
    }
    return new SyntheticSuite(new Suite(files, new DependencyGraph(upstream), Budgets.NONE), new History(History.VERSION, runs));
  }

  private static List<Step> steps(int count) {
    List<Step> steps = new ArrayList<>();
    steps.add(new Step(Command.OPEN, "https://shop.example/", "", null, "steps[0]"));
    for (int s = 1; s < count; s++) {
      steps.add(new Step(Command.CLICK, "css=#item-" + s, "", null, "steps[" + s + "]"));
    }
    return steps;
  }
}
