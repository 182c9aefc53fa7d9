package io.shardrun.cli;

import io.shardrun.core.plan.BatchPolicy;
import io.shardrun.crd.v1alpha1.TestRunSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shardrun bench-dynamic}: dynamic sharding against static balanced sharding, simulated on traces. */
@Command(name = "bench-dynamic", description =
    "Benchmark dynamic sharding on duration traces, in a seeded simulation: estimates and run times"
        + " vary around the trace's durations, pods start at random times, and every hand-off of a batch"
        + " takes a latency. Per trace and shard count, prints the median over the seeds of makespan /"
        + " lower bound for static balanced sharding and for the work queue, then the geometric mean"
        + " and worst of those medians as the last line.")
final class BenchDynamicCommand implements Callable<Integer> {
  /** Beyond this, e^(sigma * g) reaches factors of thousands, no longer an estimate's error. */
  static final int MAX_SIGMA = 2;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TRACE", arity = "1..*",
      description = "Duration trace (JSON: {\"durations\": {\"<id>\": seconds, ...}}). Repeatable.")
  List<Path> traces = new ArrayList<>();

  @Option(names = "--shards", paramLabel = "N,N,...", defaultValue = "4,8,16,32",
      description = "Shard counts, comma-separated, each 1 to " + TestRunSpec.MAX_SHARDS + ". Default: ${DEFAULT-VALUE}.")
  String shardList;

  @Option(names = "--seeds", paramLabel = "N", defaultValue = "10",
      description = "Runs per trace and shard count, with java.util.Random seeds 1 to N. Default: ${DEFAULT-VALUE}.")
  int seeds;

  @Option(names = "--estimate-sigma", paramLabel = "SIGMA", defaultValue = "0.3",
      description = "Estimate error: each estimate is the trace's duration times e^(SIGMA * g), g standard"
          + " normal. 0 to " + MAX_SIGMA + ". Default: ${DEFAULT-VALUE}.")
  double estimateSigma;

  @Option(names = "--noise-sigma", paramLabel = "SIGMA", defaultValue = "0.15",
      description = "Run-to-run variation: each run time is the trace's duration times e^(SIGMA * g), g"
          + " standard normal, drawn apart from the estimate's. 0 to " + MAX_SIGMA + ". Default: ${DEFAULT-VALUE}.")
  double noiseSigma;

  @Option(names = "--start-base", paramLabel = "SECONDS", defaultValue = "5",
      description = "Every shard's pod starts this late at least. Default: ${DEFAULT-VALUE}.")
  double startBase;

  @Option(names = "--start-mean", paramLabel = "SECONDS", defaultValue = "20",
      description = "Mean of the exponential delay each pod's start adds to --start-base. Default: ${DEFAULT-VALUE}.")
  double startMean;

  @Option(names = "--handoff", paramLabel = "SECONDS", defaultValue = "0.3",
      description = "Latency of every batch hand-off, from a shard's request to its answer. Default: ${DEFAULT-VALUE}.")
  double handoff;

  @Option(names = "--batch", paramLabel = "POLICY", defaultValue = "shrinking",
      description = "How the queue sizes batches: time:SECONDS (units up to that much estimated work),"
          + " count:N (N units), off (one unit at a time) or shrinking (the remaining estimate over twice"
          + " the shards, the queue's default). Default: ${DEFAULT-VALUE}.")
  String batch;

  @Option(names = "--prefetch", paramLabel = "WHEN", defaultValue = "lead",
      description = "When a shard asks for its next batch: lead (what Shardrun does: 5 s before its batch's last"
          + " unit is estimated to end, or when it ends if sooner), last-unit (as it starts its batch's last unit)"
          + " or off (when its batch ends). Default: ${DEFAULT-VALUE}.")
  String prefetch;

  @Override
  public Integer call() {
    int[] shardCounts = BenchPlanCommand.parseShards(shardList);
    if (seeds < 1) {
      throw new CliException("--seeds: expected a number of seeds >= 1, got " + seeds);
    }
    RunModel model = new RunModel(sigma("--estimate-sigma", estimateSigma), sigma("--noise-sigma", noiseSigma),
        seconds("--start-base", startBase), seconds("--start-mean", startMean));
    DynamicSchedule dynamicSchedule = new DynamicSchedule(BatchFlag.parse("--batch", batch), seconds("--handoff", handoff),
        parsePrefetch(prefetch));
    List<DurationTrace> loaded = traces.stream().map(DurationTrace::read).toList();

    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "model: estimate = duration x e^(%s g), run time = duration x e^(%s g'),"
            + " pod start = %s s + Exp(mean %s s), hand-off %s s, batches %s, prefetch %s; median of %d seeds%n",
        model.estimateSigma(), model.noiseSigma(), model.startBaseSeconds(), model.startMeanSeconds(),
        dynamicSchedule.handoffSeconds(), batch, prefetch, seeds);
    int nameWidth = Math.max("trace".length(), loaded.stream().mapToInt(t -> t.name().length()).max().orElse(0));
    String row = "%-" + nameWidth + "s %6s %7s %9s %8s%n";
    out.printf(row, "trace", "items", "shards", "balanced", "dynamic");
    List<Double> balancedMedians = new ArrayList<>();
    List<Double> dynamicMedians = new ArrayList<>();
    for (DurationTrace trace : loaded) {
      for (int shards : shardCounts) {
        double[] balanced = new double[seeds];
        double[] dynamic = new double[seeds];
        for (int s = 0; s < seeds; s++) {
          SimulatedRun run = model.draw(trace, shards, s + 1);
          balanced[s] = run.ratio(BalancedSchedule.makespanSeconds(run));
          dynamic[s] = run.ratio(dynamicSchedule.makespanSeconds(run));
        }
        double balancedMedian = Stats.of(balanced).median();
        double dynamicMedian = Stats.of(dynamic).median();
        balancedMedians.add(balancedMedian);
        dynamicMedians.add(dynamicMedian);
        out.printf(row, trace.name(), trace.ids().size(), shards, BenchPlanCommand.fmt(balancedMedian), BenchPlanCommand.fmt(dynamicMedian));
      }
    }
    out.printf("dynamic geo-mean %s, worst %s; balanced geo-mean %s, worst %s%n",
        BenchPlanCommand.fmt(geoMean(dynamicMedians)), BenchPlanCommand.fmt(worst(dynamicMedians)), BenchPlanCommand.fmt(geoMean(balancedMedians)), BenchPlanCommand.fmt(worst(balancedMedians)));
    return 0;
  }

  static DynamicSchedule.Prefetch parsePrefetch(String value) {
    return switch (value) {
      case "lead" -> DynamicSchedule.Prefetch.LEAD;
      case "last-unit" -> DynamicSchedule.Prefetch.LAST_UNIT;
      case "off" -> DynamicSchedule.Prefetch.OFF;
      default -> throw new CliException("--prefetch: expected lead, last-unit or off, got '" + value + "'");
    };
  }

  private static double sigma(String flag, double value) {
    if (!(value >= 0 && value <= MAX_SIGMA)) {
      throw new CliException(flag + ": expected a standard deviation from 0 to " + MAX_SIGMA + ", got " + value);
    }
    return value;
  }

  private static double seconds(String flag, double value) {
    if (!(value >= 0 && value <= DurationTrace.MAX_SECONDS)) {
      throw new CliException(flag + ": expected seconds from 0 to " + (long) DurationTrace.MAX_SECONDS + ", got " + value);
    }
    return value;
  }

  private static double geoMean(List<Double> ratios) {
    return Math.exp(ratios.stream().mapToDouble(Math::log).average().orElse(0));
  }

  private static double worst(List<Double> ratios) {
    return ratios.stream().mapToDouble(Double::doubleValue).max().orElse(0);
  }
}
