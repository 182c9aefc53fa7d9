package io.shardrun.executor.run;

import io.shardrun.core.results.FailFastStop;
import io.shardrun.core.results.FileRun;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Whether a run stops at its first failed or errored file (--fail-fast): shared by the run's
 * workers, so that each stops after the file it is running and skips the rest. A shard pod also
 * hears of the other shards' failures, from the operator.
 */
public final class FailFast {
  private final boolean on;
  private final Supplier<String> failedElsewhere;
  private final AtomicReference<String> firstBad = new AtomicReference<>();

  private FailFast(boolean on, Supplier<String> failedElsewhere) {
    this.on = on;
    this.failedElsewhere = failedElsewhere;
  }

  /** A run that goes on whatever fails. */
  public static FailFast off() {
    return new FailFast(false, () -> null);
  }

  /** A run that stops at its first failed or errored file. */
  public static FailFast on() {
    return new FailFast(true, () -> null);
  }

  /**
   * A run that stops at its first failed or errored file, this one's or another shard's.
   *
   * @param failedElsewhere the first file another shard failed, asked before each file; null while none
   */
  public static FailFast on(Supplier<String> failedElsewhere) {
    return new FailFast(true, failedElsewhere);
  }

  /** Hears a finished file; the first bad one stops the run. */
  void heard(FileRun run) {
    if (on && (run.status().isBad())) {
      firstBad.compareAndSet(null, run.file());
    }
  }

  /** Why a file is not started: the run stopped at a failure; null while it goes on. */
  String whyStopped() {
    if (!on) {
      return null;
    }
    String file = firstBad.get() != null ? firstBad.get() : failedElsewhere.get();
    return file == null ? null : FailFastStop.skipped(file);
  }
}
