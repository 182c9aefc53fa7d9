package io.shardrun.core.history;

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

  /** The last {@code window} runs of {@code file}, oldest first; empty when never run. */
  public List<RunRecord> recent(String file, int window) {
    List<RunRecord> runs = files.getOrDefault(file, List.of());
    return runs.subList(Math.max(0, runs.size() - window), runs.size());
  }
}
