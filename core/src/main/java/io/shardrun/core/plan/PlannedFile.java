package io.shardrun.core.plan;

import io.shardrun.core.variant.Variants;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One file in a shard's run order.
 *
 * @param path suite-relative path
 * @param estimateMs its estimated duration
 */
public record PlannedFile(String path, long estimateMs) {

  /** Each file replaced by its variants, side by side in its place, each with the file's estimate. */
  static List<PlannedFile> withVariants(List<PlannedFile> files, Variants variants) {
    return files.stream()
        .flatMap(f -> variants.idsOf(f.path()).stream().map(id -> new PlannedFile(id, f.estimateMs())))
        .toList();
  }

  /** Each file's estimate by path, for an ETA. */
  public static Map<String, Long> estimatesMs(Stream<PlannedFile> files) {
    return files.collect(Collectors.toMap(PlannedFile::path, PlannedFile::estimateMs, (a, b) -> a));
  }
}
