package io.shardrun.cli.local;

import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.Outcome;
import io.shardrun.crd.v1alpha1.Phase;
import java.util.List;

/**
 * How a local run ended, in the words of a TestRun's phase, so reports of local and cluster runs
 * read alike. The exit code of {@code run} follows from it.
 */
public final class RunPhase {
  private RunPhase() {}

  /**
   * {@code Error} when the run did not complete or a file ended in error (its results are
   * incomplete), else {@code Failed} when a file failed or was skipped, else {@code Succeeded}.
   *
   * @param completed false when the run's deadline passed: whatever its last files did, it did not complete
   */
  public static Phase of(List<FileRun> runs, boolean completed) {
    if (!completed || runs.stream().anyMatch(r -> r.status() == Outcome.ERROR)) {
      return Phase.Error;
    }
    return runs.stream().anyMatch(r -> r.status() == Outcome.FAILED || r.status() == Outcome.SKIPPED) ? Phase.Failed : Phase.Succeeded;
  }
}
