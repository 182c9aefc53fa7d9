package io.shardrun.core.history;

import io.shardrun.core.suite.Suite;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Duration estimates and failure rates of a suite's files from its history. A file with runs is
 * estimated by the exponential moving average of its durations in the window (alpha = 2/(n+1)),
 * times 1 + its failure rate there (a failing file is often retried or slow to time out). A file
 * without runs is estimated from its step count, at the suite's measured milliseconds per step
 * ({@value #DEFAULT_MS_PER_STEP} ms before any history).
 */
public final class Estimates {
  public static final long DEFAULT_MS_PER_STEP = 1000;

  /** A priority above any failure rate (at most 1): files that run first outrank every other. */
  public static final double FIRST = 2;

  private final Map<String, Long> estimateMs = new HashMap<>();
  private final Map<String, Double> failureRate = new HashMap<>();
  private final java.util.Set<String> first = new java.util.HashSet<>();

  public Estimates(Suite suite, Collection<String> files, History history, int window) {
    java.util.Set<String> wanted = new java.util.HashSet<>(files);
    long knownMs = 0;
    long knownSteps = 0;
    Map<String, List<RunRecord>> recent = history.recentByFile(window);
    // Every file of the suite with history calibrates the cost of a step, selected or not.
    for (String file : suite.files().keySet()) {
      List<RunRecord> runs = recent.getOrDefault(file, List.of());
      if (!runs.isEmpty()) {
        double rate = runs.stream().filter(r -> r.outcome().isBad()).count() / (double) runs.size();
        long estimate = Math.round(ema(runs) * (1 + rate));
        knownMs += estimate;
        knownSteps += suite.file(file).steps().size();
        if (wanted.contains(file)) {
          estimateMs.put(file, estimate);
          failureRate.put(file, rate);
        }
      }
    }
    double msPerStep = knownSteps > 0 ? knownMs / (double) knownSteps : DEFAULT_MS_PER_STEP;
    for (String file : files) {
      estimateMs.computeIfAbsent(file, f -> Math.max(1, Math.round(suite.file(f).steps().size() * msPerStep)));
    }
  }

  public long estimateMs(String file) {
    return estimateMs.get(file);
  }

  /** These estimates with {@code files} to run before the rest (closed under upstream). */
  public Estimates runFirst(java.util.Set<String> files) {
    first.addAll(files);
    return this;
  }

  /**
   * Which ready file runs first: one to run first ({@link #runFirst}), then the likelier to fail.
   * At least {@link #FIRST} for a file to run first.
   */
  public double priority(String file) {
    return (first.contains(file) ? FIRST : 0) + failureRate(file);
  }

  /** Share of failed or errored runs in the window; 0 without history. */
  public double failureRate(String file) {
    return failureRate.getOrDefault(file, 0.0);
  }

  static double ema(List<RunRecord> runs) {
    double alpha = 2.0 / (runs.size() + 1);
    double ema = runs.get(0).durationMs();
    for (RunRecord run : runs.subList(1, runs.size())) {
      ema = alpha * run.durationMs() + (1 - alpha) * ema;
    }
    return ema;
  }
}
