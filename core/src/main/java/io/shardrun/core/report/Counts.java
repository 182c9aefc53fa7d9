package io.shardrun.core.report;

import io.shardrun.core.results.Outcome;
import java.util.List;

/** How many of a run's files there are, and how many ended each way. */
record Counts(int files, int passed, int failed, int skipped, int errors) {

  static Counts of(List<ReportFile> files) {
    int[] byOutcome = new int[Outcome.values().length];
    files.forEach(f -> byOutcome[f.status().ordinal()]++);
    return new Counts(files.size(), byOutcome[Outcome.PASSED.ordinal()], byOutcome[Outcome.FAILED.ordinal()],
        byOutcome[Outcome.SKIPPED.ordinal()], byOutcome[Outcome.ERROR.ordinal()]);
  }
}
