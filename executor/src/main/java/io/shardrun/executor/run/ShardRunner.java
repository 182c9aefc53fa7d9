package io.shardrun.executor.run;

import io.shardrun.core.variant.VariantComparison;
import io.shardrun.core.variant.VariantIds;
import io.shardrun.core.variant.Variants;
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
 * Runs a shard's files in plan order, each in every variant of the run, the variants compared
 * with the first. With fail-fast, once any shard's file failed or errored, the files not started
 * end {@code skipped}. A file whose upstream (depends_on) did not pass is not
 * run and ends {@code skipped}; once the run's deadline passes, the files left end
 * {@code error} without running.
 */
public final class ShardRunner {
  private final Suite suite;
  private final FileRunner files;
  private final RunLimits limits;
  private final Listener listener;
  private final Variants variants;
  private final FailFast failFast;

  /** Hears about each file as it finishes, to show progress or publish results. */
  @FunctionalInterface
  public interface Listener {
    void finished(FileRun run);
  }

  /**
   * @param variants the run's variants: the planned names are {@code PATH#VARIANT} then
   * @param failFast whether the run stops at its first bad file, shared by its shards
   */
  public ShardRunner(Suite suite, FileRunner files, RunLimits limits, Variants variants, FailFast failFast, Listener listener) {
    this.suite = suite;
    this.files = files;
    this.limits = limits;
    this.variants = variants;
    this.failFast = failFast;
    this.listener = listener;
  }

  public List<FileRun> run(int shard, List<String> planned) {
    Map<String, Outcome> outcomes = new HashMap<>();
    List<FileRun> runs = new ArrayList<>();
    VariantComparison comparison = new VariantComparison(variants.compare());
    for (String id : planned) {
      ActionFile file = suite.file(VariantIds.path(id));
      FileRun run = comparison.compared(notRunnable(file, id, shard, outcomes)
          .orElseGet(() -> files.run(file, variants.variantOf(id), shard, suite.budgets())));
      failFast.heard(run);
      outcomes.put(id, run.status());
      runs.add(run);
      listener.finished(run);
    }
    return runs;
  }

  /** Why the file cannot run now; its upstream must have passed in the same variant. */
  private Optional<FileRun> notRunnable(ActionFile file, String id, int shard, Map<String, Outcome> outcomes) {
    if (limits.runDeadlinePassed()) {
      return Optional.of(unrun(file, id, shard, Outcome.ERROR, "not run: " + limits.deadlinePassed()));
    }
    String stopped = failFast.whyStopped();
    if (stopped != null) {
      return Optional.of(unrun(file, id, shard, Outcome.SKIPPED, stopped));
    }
    String variant = VariantIds.variant(id);
    for (String upstreamPath : suite.graph().upstreamOf(file.path())) {
      String upstream = variant == null ? upstreamPath : VariantIds.of(upstreamPath, variant);
      Outcome outcome = outcomes.get(upstream);
      if (outcome != Outcome.PASSED) {
        String how = outcome == null ? "did not run in this shard" : outcome.label();
        return Optional.of(unrun(file, id, shard, Outcome.SKIPPED, "not run: upstream " + upstream + " " + how));
      }
    }
    return Optional.empty();
  }

  private static FileRun unrun(ActionFile file, String id, int shard, Outcome outcome, String message) {
    return new FileRun(id, VariantIds.name(file.meta().name(), id), shard, outcome, 0, 0, file.meta().tags(), null, message, List.of(),
        System.currentTimeMillis());
  }
}
