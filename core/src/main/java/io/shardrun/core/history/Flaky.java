package io.shardrun.core.history;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Flaky files: both passed and failed within the history window, over enough runs to tell. */
public final class Flaky {
  private Flaky() {}

  /** Files whose last {@code window} runs, at least {@code minRuns} of them, include a pass and a failure. */
  public static Set<String> files(History history, int window, int minRuns) {
    Set<String> flaky = new TreeSet<>();
    for (String file : history.files().keySet()) {
      List<RunRecord> runs = history.recent(file, window);
      boolean passed = runs.stream().anyMatch(r -> r.outcome() == io.shardrun.core.results.Outcome.PASSED);
      boolean failed = runs.stream().anyMatch(r -> r.outcome().isBad());
      if (runs.size() >= minRuns && passed && failed) {
        flaky.add(file);
      }
    }
    return flaky;
  }
}
