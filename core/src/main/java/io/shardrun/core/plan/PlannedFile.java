package io.shardrun.core.plan;

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

  /** Each file's estimate by path, for an ETA. */
  public static Map<String, Long> estimatesMs(Stream<PlannedFile> files) {
    return files.collect(Collectors.toMap(PlannedFile::path, PlannedFile::estimateMs, (a, b) -> a));
  }
}
