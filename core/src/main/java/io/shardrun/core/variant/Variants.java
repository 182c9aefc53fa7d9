package io.shardrun.core.variant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.shardrun.crd.v1alpha1.Compare;
import io.shardrun.crd.v1alpha1.TestRunSpec;
import java.util.List;

/**
 * The variants a run's files run in, and what a difference between them does.
 *
 * @param sets the variants in order; the first is the one the others are compared with; empty for
 *     a run without variants
 * @param compare what a difference does
 */
public record Variants(List<Variant> sets, Compare compare) {
  public static final Variants NONE = new Variants(List.of(), Compare.REPORT);

  public Variants {
    sets = List.copyOf(sets);
    compare = compare == null ? Compare.REPORT : compare;
  }

  @JsonIgnore
  public boolean isEmpty() {
    return sets.isEmpty();
  }

  /** The ids a file runs as: one per variant, in order, or its path alone. */
  public List<String> idsOf(String path) {
    return isEmpty() ? List.of(path) : sets.stream().map(v -> VariantIds.of(path, v.name())).toList();
  }

  /**
   * The variant an id names.
   *
   * @return null for a file run without variants
   * @throws IllegalArgumentException when the id names a variant this run does not have
   */
  public Variant variantOf(String id) {
    String name = VariantIds.variant(id);
    if (name == null) {
      return null;
    }
    return sets.stream().filter(v -> v.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(id + " names variant " + name + ", which the run does not have"));
  }

  /** These variants with what a TestRun's spec sets instead: its list and its compare, each when given. */
  public Variants overriddenBy(TestRunSpec spec) {
    return overriddenBy(ofSpec(spec), spec.getCompare());
  }

  /** spec.variants as variants; null when unset. */
  public static List<Variant> ofSpec(TestRunSpec spec) {
    return spec.getVariants() == null ? null
        : spec.getVariants().stream().map(v -> new Variant(v.getName(), v.getVars())).toList();
  }

  /**
   * These variants with others given instead (a run's flags, a TestRun's spec).
   *
   * @param list replaces the list when not null; an empty one means no variants
   * @param compare replaces the compare mode when not null
   */
  public Variants overriddenBy(List<Variant> list, Compare compare) {
    return new Variants(list == null ? sets : list, compare == null ? this.compare : compare);
  }
}
