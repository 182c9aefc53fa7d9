package io.shardrun.executor.run;

import io.shardrun.core.results.FileRun;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether a run stops at its first failed or errored file (--fail-fast): shared by the run's
 * workers, so that each stops after the file it is running and skips the rest.
 */
public final class FailFast {
  private final boolean on;
  private final AtomicReference<String> firstBad = new AtomicReference<>();

  private FailFast(boolean on) {
    this.on = on;
  }

  /** A run that goes on whatever fails. */
  public static FailFast off() {
    return new FailFast(false);
  }

  /** A run that stops at its first failed or errored file. */
  public static FailFast on() {
    return new FailFast(true);
  }

  /** Hears a finished file; the first bad one stops the run. */
  void heard(FileRun run) {
    if (on && (run.status().isBad())) {
      firstBad.compareAndSet(null, run.file());
    }
  }

  /** Why a file is not started: the run stopped at a failure; null while it goes on. */
  String whyStopped() {
    String file = firstBad.get();
    return file == null ? null : "skipped (fail-fast): " + file + " did not pass";
  }
}
