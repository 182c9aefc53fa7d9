package io.shardrun.core.plan;

import io.shardrun.core.variant.Variants;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * One shard of a plan.
 *
 * @param index from 0
 * @param estimateMs sum of its files' estimates
 * @param files in run order: dependencies first, likely failures early
 */
public record PlannedShard(int index, long estimateMs, List<PlannedFile> files) {
  /** This shard with each file replaced by its variants, side by side in its place. */
  public PlannedShard withVariants(Variants variants) {
    List<PlannedFile> expanded = PlannedFile.withVariants(files, variants);
    return new PlannedShard(index, expanded.stream().mapToLong(PlannedFile::estimateMs).sum(), expanded);
  }

  /** Its files' paths, in run order. */
  @JsonIgnore
  public List<String> paths() {
    return files.stream().map(PlannedFile::path).toList();
  }
}
