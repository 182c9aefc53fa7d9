package io.shardrun.core.variant;

import io.shardrun.core.results.StepRecord;
import io.shardrun.core.results.StepStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where one variant's run of a file differs from another's, step by step: how each step ended,
 * what the browser showed, and the URL after it. Pure: the records are compared as they are.
 */
public final class StepDiff {
  private StepDiff() {}

  /**
   * One difference at a step.
   *
   * @param step the step's index
   * @param origin where it was written ({@code steps[3]})
   * @param command its command
   * @param target its target as written
   * @param aspect what differs: outcome, observed or url
   * @param reference the value in the variant compared with
   * @param other the value in this variant
   */
  public record Difference(int step, String origin, String command, String target, String aspect, String reference, String other) {
    /** One line naming the step and both values. */
    public String describe(String referenceName, String otherName) {
      String written = target == null || target.isEmpty() ? "" : " " + target;
      return origin + " " + command + written + ": " + aspect + " " + quote(reference) + " in " + referenceName + ", "
          + quote(other) + " in " + otherName;
    }

    private static String quote(String value) {
      return value == null ? "none" : "\"" + value + "\"";
    }
  }

  /** Every difference between the reference variant's steps and another variant's, in step order. */
  public static List<Difference> between(List<StepRecord> reference, List<StepRecord> other) {
    List<Difference> differences = new ArrayList<>();
    for (int i = 0; i < Math.min(reference.size(), other.size()); i++) { // one file: the same steps
      StepRecord a = reference.get(i);
      StepRecord b = other.get(i);
      add(differences, a, "outcome", label(a.status()), label(b.status()));
      add(differences, a, "observed", a.observed(), b.observed());
      add(differences, a, "url", a.url(), b.url());
    }
    return differences;
  }

  private static String label(StepStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  private static void add(List<Difference> differences, StepRecord step, String aspect, String reference, String other) {
    if (!Objects.equals(reference, other)) {
      differences.add(new Difference(step.index(), step.origin(), step.command(), step.target(), aspect, reference, other));
    }
  }
}
