package io.shardrun.core.plan;

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
  /** Its files' paths, in run order. */
  @JsonIgnore
  public List<String> paths() {
    return files.stream().map(PlannedFile::path).toList();
  }
}
