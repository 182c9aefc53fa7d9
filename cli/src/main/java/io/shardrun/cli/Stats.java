package io.shardrun.cli;

import java.util.Arrays;

/**
 * Median, min and max of some measurements (the median of an even count is the mean of the two
 * middle values).
 */
record Stats(double median, double min, double max, int count) {
  static Stats of(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    return new Stats(median, sorted[0], sorted[sorted.length - 1], sorted.length);
  }
}
