package io.shardrun.executor.run;

import io.shardrun.core.action.ActionFile;
import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.suite.Suite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a shard's files in plan order. A file whose upstream (depends_on) did not pass is not
 * run and ends {@code skipped}; once the run's deadline passes, the files left end
 * {@code error} without running.
 */
public final class ShardRunner {
  private final Suite suite;
  private final FileRunner files;
  private final RunLimits limits;
  private final Listener listener;

  /** Hears about each file as it finishes, to show progress or publish results. */
  @FunctionalInterface
  public interface Listener {
    void finished(FileRun run);
  }

  public ShardRunner(Suite suite, FileRunner files, RunLimits limits, Listener listener) {
    this.suite = suite;
    this.files = files;
    this.limits = limits;
    this.listener = listener;
  }

  public List<FileRun> run(int shard, List<String> planned) {
    Map<String, Outcome> outcomes = new HashMap<>();
    List<FileRun> runs = new ArrayList<>();
    for (String path : planned) {
      ActionFile file = suite.file(path);
      FileRun run = notRunnable(file, shard, outcomes).orElseGet(() -> files.run(file, shard, suite.budgets()));
      outcomes.put(path, run.status());
      runs.add(run);
      listener.finished(run);
    }
    return runs;
  }

  private Optional<FileRun> notRunnable(ActionFile file, int shard, Map<String, Outcome> outcomes) {
    if (limits.runDeadlinePassed()) {
      return Optional.of(unrun(file, shard, Outcome.ERROR, "not run: " + limits.deadlinePassed()));
    }
    for (String upstream : suite.graph().upstreamOf(file.path())) {
      Outcome outcome = outcomes.get(upstream);
      if (outcome != Outcome.PASSED) {
        String how = outcome == null ? "did not run in this shard" : outcome.label();
        return Optional.of(unrun(file, shard, Outcome.SKIPPED, "not run: upstream " + upstream + " " + how));
      }
    }
    return Optional.empty();
  }

  private static FileRun unrun(ActionFile file, int shard, Outcome outcome, String message) {
    return new FileRun(file.path(), file.meta().name(), shard, outcome, 0, 0, file.meta().tags(), null, message, List.of(),
        System.currentTimeMillis());
  }
}
