package io.shardrun.core.plan;

import io.shardrun.core.variant.Variants;
import java.util.List;

/**
 * What a shard of a dynamic run takes whole: one file, a depends_on group in run order, or all
 * of the run's serial files in order, so that dependencies and serial files hold wherever it runs.
 *
 * @param id its place in the queue's first order, longest first; stable for the whole run
 * @param files in run order
 */
public record WorkUnit(int id, List<PlannedFile> files) {
  public WorkUnit {
    files = List.copyOf(files);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("a work unit holds at least one file");
    }
  }

  /** This unit with each file replaced by its variants: the variants of a file stay together. */
  public WorkUnit withVariants(Variants variants) {
    return new WorkUnit(id, PlannedFile.withVariants(files, variants));
  }

  public long estimateMs() {
    return files.stream().mapToLong(PlannedFile::estimateMs).sum();
  }
}
