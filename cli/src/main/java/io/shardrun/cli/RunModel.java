package io.shardrun.cli;

import java.util.Random;

/**
 * The random side of a simulated run, for {@code bench-dynamic}: how far estimates are off, how
 * much a run's times vary from the trace, and when the shards' pods start.
 *
 * @param estimateSigma an item's estimate is its trace duration times e^(estimateSigma * g)
 * @param noiseSigma an item's run time is its trace duration times e^(noiseSigma * g')
 * @param startBaseSeconds every pod starts at least this late
 * @param startMeanSeconds the mean of the exponential delay on top of the base
 */
record RunModel(double estimateSigma, double noiseSigma, double startBaseSeconds, double startMeanSeconds) {

  /**
   * One run of {@code trace} on {@code shards} shards. Draws from {@code new Random(seed)}: every
   * item's estimate factor in file order, then every item's run time factor, then each shard's
   * start; so for one seed the items are the same at every shard count, and more shards add pods
   * to the same first ones.
   */
  SimulatedRun draw(DurationTrace trace, int shards, long seed) {
    Random random = new Random(seed);
    long[] ms = trace.ms();
    long[] estimateMs = new long[ms.length];
    for (int i = 0; i < ms.length; i++) {
      estimateMs[i] = Math.round(ms[i] * Math.exp(estimateSigma * random.nextGaussian()));
    }
    double[] runSeconds = new double[ms.length];
    for (int i = 0; i < ms.length; i++) {
      runSeconds[i] = ms[i] / 1000.0 * Math.exp(noiseSigma * random.nextGaussian());
    }
    double[] startSeconds = new double[shards];
    for (int j = 0; j < shards; j++) {
      startSeconds[j] = startBaseSeconds - startMeanSeconds * Math.log(1 - random.nextDouble());
    }
    return new SimulatedRun(trace.ids(), estimateMs, runSeconds, startSeconds);
  }
}
