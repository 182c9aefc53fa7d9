package io.shardrun.operator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.shardrun.crd.v1alpha1.TestRunStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * Shardrun's own metrics, beside JOSDK's reconcile counters: runs finished by phase
 * ({@code shardrun_runs_finished_total{phase}}) and their wall time
 * ({@code shardrun_run_duration_seconds}).
 */
public final class RunMetrics {
  private final MeterRegistry registry;

  public RunMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Records a run that just reached a final phase. */
  void finished(TestRunStatus status) {
    Counter.builder("shardrun.runs.finished").description("TestRuns that reached a final phase")
        .tag("phase", status.getPhase().name()).register(registry).increment();
    if (status.getStartTime() != null && status.getCompletionTime() != null) {
      // Buckets from 1 s to 6 h: runs last minutes to hours, past the default buckets' 30 s.
      Timer.builder("shardrun.run.duration").description("Wall time of finished TestRuns").publishPercentileHistogram()
          .minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofHours(6))
          .register(registry).record(Duration.between(Instant.parse(status.getStartTime()), Instant.parse(status.getCompletionTime())));
    }
  }
}
