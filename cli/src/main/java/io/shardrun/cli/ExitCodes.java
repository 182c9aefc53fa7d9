package io.shardrun.cli;

import io.shardrun.cli.local.RunPhase;
import io.shardrun.core.results.FileRun;
import io.shardrun.crd.v1alpha1.Phase;
import java.util.List;

/**
 * The exit codes of {@code run} and {@code execute}, which the shard Job's pod failure policy
 * relies on: 1 fails the Job at once, anything else non-zero is retried as infrastructure.
 */
final class ExitCodes {
  static final int PASSED = 0;
  static final int TESTS_FAILED = 1;
  /** The command could not do its job: bad flags or input (usage), or the infrastructure failed. */
  static final int USAGE_OR_INFRASTRUCTURE = 2;

  private ExitCodes() {}

  /** 2 when any file errored (results are incomplete), else 1 when any failed or was skipped, else 0. */
  static int of(List<FileRun> runs) {
    return of(RunPhase.of(runs, true));
  }

  /** 0 for a run that succeeded, 1 for one that failed, 2 for one that ended in error. */
  static int of(Phase phase) {
    if (phase == Phase.Succeeded) {
      return PASSED;
    }
    return phase == Phase.Failed ? TESTS_FAILED : USAGE_OR_INFRASTRUCTURE;
  }
}
