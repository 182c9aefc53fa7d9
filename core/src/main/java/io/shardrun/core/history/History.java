package io.shardrun.core.history;

import io.shardrun.core.variant.VariantIds;
import java.util.Comparator;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A suite's run history: per file, its most recent runs, oldest first. Stored as JSON in
 * {@code .shardrun/history.json} locally and in ConfigMap {@code shardrun-history-<suite>} in a
 * cluster.
 */
public record History(int version, SortedMap<String, List<RunRecord>> files) {
  public static final int VERSION = 1;

  @JsonCreator
  public History(@JsonProperty("version") int version, @JsonProperty("files") Map<String, List<RunRecord>> files) {
    this(version, files == null ? new TreeMap<>() : new TreeMap<>(files));
  }

  public static History empty() {
    return new History(VERSION, new TreeMap<String, List<RunRecord>>());
  }

  /**
   * The last {@code window} runs of a suite file for its estimate: its own runs, else (a file only
   * ever run in variants) the runs of all its variants ({@code PATH#VARIANT}) together, by time.
   */
  public List<RunRecord> recentOfFile(String path, int window) {
    if (files.containsKey(path)) {
      return recent(path, window);
    }
    List<RunRecord> runs = files.entrySet().stream().filter(e -> VariantIds.path(e.getKey()).equals(path))
        .flatMap(e -> e.getValue().stream()).sorted(Comparator.comparing(RunRecord::at, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
    return runs.subList(Math.max(0, runs.size() - window), runs.size());
  }

  /** The last {@code window} runs of {@code file}, oldest first; empty when never run. */
  public List<RunRecord> recent(String file, int window) {
    List<RunRecord> runs = files.getOrDefault(file, List.of());
    return runs.subList(Math.max(0, runs.size() - window), runs.size());
  }
}
