package io.shardrun.cli;

import picocli.CommandLine.Command;

/** {@code shardrun bench-plan}: planning quality and speed on real duration traces. */
@Command(name = "bench-plan", description = "Benchmark shard planning on duration traces.")
final class BenchPlanCommand implements java.util.concurrent.Callable<Integer> {
  @Override
  public Integer call() {
    throw new CliException("bench-plan is being written");
  }
}
