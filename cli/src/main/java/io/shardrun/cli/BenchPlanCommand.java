package io.shardrun.cli;

import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.PlanQuality;
import io.shardrun.core.plan.ShardAssignment;
import io.shardrun.core.run.RunPlanner;
import io.shardrun.crd.v1alpha1.Sharding;
import io.shardrun.crd.v1alpha1.TestRunSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shardrun bench-plan}: planning quality and speed on real duration traces. */
@Command(name = "bench-plan", description =
    "Benchmark shard planning on duration traces. Per trace and shard count, prints makespan / lower"
        + " bound (lower bound = max(longest item, total / shards); 1.00 is optimal) for hash sharding,"
        + " for balanced sharding planned on the exact durations, and for balanced sharding planned on"
        + " noisy durations but evaluated on the exact ones. Then the time the full planner takes for"
        + " a large synthetic suite, and the worst exact balanced ratio as the last line.")
final class BenchPlanCommand implements Callable<Integer> {
  static final int SPEED_SHARDS = 500;
  static final int SPEED_WARMUPS = 2;
  static final int SPEED_RUNS = 5;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TRACE", arity = "1..*",
      description = "Duration trace (JSON: {\"durations\": {\"<id>\": seconds, ...}}). Repeatable.")
  List<Path> traces = new ArrayList<>();

  @Option(names = "--shards", paramLabel = "N,N,...", defaultValue = "2,4,8,16,32",
      description = "Shard counts to plan for, comma-separated, each 1 to " + TestRunSpec.MAX_SHARDS
          + ". Default: ${DEFAULT-VALUE}.")
  String shardList;

  @Option(names = "--noise", paramLabel = "SIGMA", defaultValue = "0.3",
      description = "Estimate error for the noisy column: each item's duration times e^(SIGMA * g),"
          + " g standard normal (log-normal, mu 0). >= 0. Default: ${DEFAULT-VALUE}.")
  double noise;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
      description = "Seed of java.util.Random for the noise (drawn per trace, per item in file order)"
          + " and the synthetic suite. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--speed-files", paramLabel = "N", defaultValue = "100000",
      description = "Files in the synthetic suite whose planning into " + SPEED_SHARDS + " shards is timed"
          + " (median of " + SPEED_RUNS + " runs after " + SPEED_WARMUPS + " warm-ups); 0 skips it."
          + " Default: ${DEFAULT-VALUE}.")
  int speedFiles;

  @Override
  public Integer call() {
    int[] shardCounts = parseShards(shardList);
    if (!(noise >= 0) || Double.isInfinite(noise)) {
      throw new CliException("--noise: expected a standard deviation >= 0, got " + noise);
    }
    if (speedFiles < 0) {
      throw new CliException("--speed-files: expected a number of files >= 0 (0 skips the timing), got " + speedFiles);
    }
    List<DurationTrace> loaded = traces.stream().map(DurationTrace::read).toList();

    PrintWriter out = spec.commandLine().getOut();
    int nameWidth = Math.max("trace".length(), loaded.stream().mapToInt(t -> t.name().length()).max().orElse(0));
    String noisyHeader = String.format(Locale.ROOT, "balanced+noise%.2f", noise);
    String row = "%-" + nameWidth + "s %6s %7s %6s %9s %" + noisyHeader.length() + "s%n";
    out.printf(row, "trace", "items", "shards", "hash", "balanced", noisyHeader);
    double worst = 0;
    for (DurationTrace trace : loaded) {
      long[] noisy = noisy(trace.ms(), noise, seed);
      for (int shards : shardCounts) {
        int[] hashed = trace.ids().stream().mapToInt(id -> ShardAssignment.hash(id, shards)).toArray();
        double balanced = ratio(trace, ShardAssignment.balanced(trace.ms(), shards), shards);
        worst = Math.max(worst, balanced);
        out.printf(row, trace.name(), trace.ids().size(), shards, fmt(ratio(trace, hashed, shards)),
            fmt(balanced), fmt(ratio(trace, ShardAssignment.balanced(noisy, shards), shards)));
      }
    }
    if (speedFiles > 0) {
      out.printf(Locale.ROOT, "planning %d files into %d shards: %.2f s (median of %d)%n",
          speedFiles, SPEED_SHARDS, planningSeconds(speedFiles, seed), SPEED_RUNS);
    }
    out.printf("worst balanced ratio: %s%n", fmt(worst));
    return 0;
  }

  /** makespan / lower bound of {@code shardOf}, evaluated on the trace's exact durations. */
  static double ratio(DurationTrace trace, int[] shardOf, int shards) {
    long[] loads = new long[shards];
    for (int i = 0; i < shardOf.length; i++) {
      loads[shardOf[i]] += trace.ms()[i];
    }
    return PlanQuality.of(loads, trace.longestMs()).ratio();
  }

  /** Each duration times e^(sigma * g), g from {@code new Random(seed).nextGaussian()} in order. */
  static long[] noisy(long[] ms, double sigma, long seed) {
    Random random = new Random(seed);
    return Arrays.stream(ms).map(m -> Math.round(m * Math.exp(sigma * random.nextGaussian()))).toArray();
  }

  /**
   * Median wall time, in seconds, of planning a synthetic suite of {@code files} files into
   * {@value #SPEED_SHARDS} balanced shards through {@link RunPlanner#plan}: selection, estimates
   * from history (EMA) and the planner (dependency groups, serial files, in-shard order).
   */
  static double planningSeconds(int files, long seed) {
    SyntheticSuite synthetic = SyntheticSuite.generate(files, seed);
    TestRunSpec run = new TestRunSpec();
    run.setShards(SPEED_SHARDS);
    run.setSharding(Sharding.BALANCED);
    double[] seconds = new double[SPEED_RUNS];
    for (int i = -SPEED_WARMUPS; i < SPEED_RUNS; i++) {
      long start = System.nanoTime();
      Plan plan = RunPlanner.plan(run, synthetic.suite(), synthetic.history(), null);
      long elapsed = System.nanoTime() - start;
      if (plan.fileCount() != files) {
        throw new IllegalStateException("planned " + plan.fileCount() + " of " + files + " synthetic files");
      }
      if (i >= 0) {
        seconds[i] = elapsed / 1e9;
      }
    }
    return Stats.of(seconds).median();
  }

  static int[] parseShards(String list) {
    String expected = "--shards: expected a comma-separated list of shard counts from 1 to "
        + TestRunSpec.MAX_SHARDS + ", e.g. 2,4,8; got '" + list + "'";
    try {
      int[] counts = Arrays.stream(list.split(",", -1)).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
      if (Arrays.stream(counts).anyMatch(n -> n < 1 || n > TestRunSpec.MAX_SHARDS)) {
        throw new CliException(expected);
      }
      return counts;
    } catch (NumberFormatException e) {
      throw new CliException(expected);
    }
  }

  /** A ratio as the benchmarks print it: two decimals. */
  static String fmt(double ratio) {
    return String.format(Locale.ROOT, "%.2f", ratio);
  }
}
