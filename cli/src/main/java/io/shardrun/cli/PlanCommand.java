package io.shardrun.cli;

import io.shardrun.core.Durations;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.PlanQuality;
import io.shardrun.core.plan.PlannedFile;
import io.shardrun.core.plan.PlannedShard;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code shardrun plan}: the shards a TestRun would get, as a table. */
@Command(name = "plan", description = "Print the plan of a TestRun: per shard its files in run order with"
    + " their estimated durations, and the largest shard against the lower bound max(longest file, total / shards).")
final class PlanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RunInputs inputs;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (RunInputs.Prepared run : inputs.prepare()) {
      Plan plan = run.plan();
      out.printf("TestRun %s: %d files, %d shards, sharding %s%n", run.run().getMetadata().getName(),
          plan.fileCount(), plan.shards().size(), plan.sharding().wireName());
      out.printf("%-6s %6s %10s%n", "SHARD", "FILES", "ESTIMATE");
      for (PlannedShard shard : plan.shards()) {
        out.printf("%-6d %6d %10s%n", shard.index(), shard.files().size(), Durations.formatTenths(shard.estimateMs()));
        for (PlannedFile file : shard.files()) {
          out.printf("  %s  %s%n", file.path(), Durations.formatTenths(file.estimateMs()));
        }
      }
      PlanQuality quality = PlanQuality.of(plan);
      out.printf(java.util.Locale.ROOT, "largest shard %s, lower bound %s: ratio %.2f%n%n",
          Durations.formatTenths(quality.makespanMs()), Durations.formatTenths(quality.lowerBoundMs()), quality.ratio());
    }
    return 0;
  }
}
