package io.shardrun.core.plan;

import io.shardrun.core.variant.Variants;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.shardrun.crd.v1alpha1.Sharding;
import io.shardrun.crd.v1alpha1.TestRun;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Which files each shard runs, in which order; for a dynamic run, the work units the shards take
 * from a queue instead. Stored as {@code plan.json} in the run's plan ConfigMap; the schema is
 * documented in docs/plan-format.md.
 *
 * @param apiVersion always shardrun.io/v1alpha1
 * @param kind always Plan
 * @param sharding the strategy that produced it
 * @param shards every shard, by index, including empty ones; a dynamic run's are all empty
 * @param units a dynamic run's work units in queue order; empty otherwise
 * @param variants the variants each file runs in, its planned entries named {@code PATH#VARIANT};
 *     null for a run without variants
 */
public record Plan(String apiVersion, String kind, Sharding sharding, List<PlannedShard> shards,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<WorkUnit> units,
    @JsonInclude(JsonInclude.Include.NON_NULL) Variants variants) {
  public static final String KIND = "Plan";

  public Plan {
    units = units == null ? List.of() : List.copyOf(units);
  }

  public Plan(Sharding sharding, List<PlannedShard> shards) {
    this(TestRun.API_VERSION, KIND, sharding, shards, List.of(), null);
  }

  public Plan(Sharding sharding, List<PlannedShard> shards, List<WorkUnit> units) {
    this(TestRun.API_VERSION, KIND, sharding, shards, units, null);
  }

  /**
   * This plan with every file replaced by its variants, side by side in its place: same shards,
   * same order, each variant with the file's estimate, so a balanced plan stays balanced.
   */
  public Plan withVariants(Variants chosen) {
    if (chosen.isEmpty()) {
      return this;
    }
    return new Plan(apiVersion, kind, sharding, shards.stream().map(s -> s.withVariants(chosen)).toList(),
        units.stream().map(u -> u.withVariants(chosen)).toList(), chosen);
  }

  /** Its variants; {@link Variants#NONE} for a run without. */
  @JsonIgnore
  public Variants variantsOrNone() {
    return variants == null ? Variants.NONE : variants;
  }

  @JsonIgnore
  public int fileCount() {
    return shards.stream().mapToInt(s -> s.files().size()).sum() + units.stream().mapToInt(u -> u.files().size()).sum();
  }

  /** Each file's estimated duration by path, from its shard or work unit. */
  @JsonIgnore
  public Map<String, Long> estimatesMs() {
    return PlannedFile.estimatesMs(Stream.concat(shards.stream().flatMap(s -> s.files().stream()),
        units.stream().flatMap(u -> u.files().stream())));
  }

  /** The shards that get a Job: those with files, or every shard of a dynamic run with work to take. */
  @JsonIgnore
  public List<PlannedShard> jobShards() {
    if (sharding == Sharding.DYNAMIC) {
      return units.isEmpty() ? List.of() : shards.subList(0, Math.min(shards.size(), units.size()));
    }
    return shards.stream().filter(s -> !s.files().isEmpty()).toList();
  }
}
