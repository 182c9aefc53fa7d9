package io.shardrun.core.variant;

import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.Outcome;
import io.shardrun.crd.v1alpha1.Compare;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares each variant's run of a file with the first variant's run of it, as a shard finishes
 * them (the variants of a file run side by side in one shard). A passed run that differs gets the
 * differences as its message; with {@code compare: strict} it fails at the first of them.
 */
public final class VariantComparison {
  private final Compare compare;
  private final Map<String, FileRun> firstRunOf = new HashMap<>();

  public VariantComparison(Compare compare) {
    this.compare = compare;
  }

  /**
   * Whether a file's result is a variant that passed but differs from the first variant: a passed
   * result carries a message only then.
   */
  public static boolean differs(Outcome status, String message) {
    return status == Outcome.PASSED && message != null;
  }

  /** The run as it stands after the comparison. */
  public FileRun compared(FileRun run) {
    String variant = VariantIds.variant(run.file());
    if (variant == null) {
      return run;
    }
    FileRun first = firstRunOf.putIfAbsent(VariantIds.path(run.file()), run);
    if (first == null || run.status() != Outcome.PASSED) {
      return run;
    }
    List<StepDiff.Difference> differences = StepDiff.between(first.steps(), run.steps());
    if (differences.isEmpty()) {
      return run;
    }
    String firstVariant = VariantIds.variant(first.file());
    String message = "differs from " + firstVariant + ": " + String.join("; ",
        differences.stream().map(d -> d.describe(firstVariant, variant)).toList());
    return compare == Compare.STRICT ? run.failedAt(differences.get(0).step(), message) : run.withMessage(message);
  }
}
