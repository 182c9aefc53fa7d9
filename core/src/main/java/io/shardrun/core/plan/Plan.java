package io.shardrun.core.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.shardrun.crd.v1alpha1.Sharding;
import io.shardrun.crd.v1alpha1.TestRun;
import java.util.List;

/**
 * Which files each shard runs, in which order. Stored as {@code plan.json} in the run's plan
 * ConfigMap; the schema is documented in docs/plan-format.md.
 *
 * @param apiVersion always shardrun.io/v1alpha1
 * @param kind always Plan
 * @param sharding the strategy that produced it
 * @param shards every shard, by index, including empty ones
 */
public record Plan(String apiVersion, String kind, Sharding sharding, List<PlannedShard> shards) {
  public static final String KIND = "Plan";

  public Plan(Sharding sharding, List<PlannedShard> shards) {
    this(TestRun.API_VERSION, KIND, sharding, shards);
  }

  @JsonIgnore
  public int fileCount() {
    return shards.stream().mapToInt(s -> s.files().size()).sum();
  }

  /** Shards that have files to run: each becomes a Job. */
  @JsonIgnore
  public List<PlannedShard> nonEmptyShards() {
    return shards.stream().filter(s -> !s.files().isEmpty()).toList();
  }
}
