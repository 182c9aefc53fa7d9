package io.shardrun.executor.run;

import io.shardrun.core.action.ActionFile;
import java.time.Duration;
import java.time.Instant;

/**
 * The time limits of a run: how long a step waits by default, how long a file may take, and
 * when the whole run must end.
 *
 * @param defaultWait what a step without timeout_s waits for its element or condition
 * @param defaultFileTimeout a file's limit when its meta.timeout_s is unset
 * @param runTimeout the whole run's limit (--timeout), or null for none
 * @param runStarted when the run started
 */
public record RunLimits(Duration defaultWait, Duration defaultFileTimeout, Duration runTimeout, Instant runStarted) {
  public static final Duration DEFAULT_FILE_TIMEOUT = Duration.ofMinutes(5);

  public Duration fileLimit(ActionFile file) {
    return file.meta().timeoutS() != null ? Duration.ofSeconds(file.meta().timeoutS()) : defaultFileTimeout;
  }

  /** How long until the watchdog must act: the file's limit or the run's deadline, whichever is first. */
  public Duration timeUntilAlarm(Duration fileLimit) {
    if (runTimeout == null) {
      return fileLimit;
    }
    Duration left = Duration.between(Instant.now(), runStarted.plus(runTimeout));
    return left.compareTo(fileLimit) < 0 ? (left.isNegative() ? Duration.ZERO : left) : fileLimit;
  }

  public boolean runDeadlinePassed() {
    return runTimeout != null && Instant.now().isAfter(runStarted.plus(runTimeout));
  }

  /** What a file stopped or left unrun by the run's deadline says: "the run's deadline (60 s) passed". */
  public String deadlinePassed() {
    return "the run's deadline (" + runTimeout.toSeconds() + " s) passed";
  }
}
