package io.shardrun.core.history;

import io.shardrun.core.variant.VariantIds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
   * Each suite file's last {@code window} runs for its estimate, in one pass over the history: its
   * own runs, else (a file only ever run in variants) the runs of all its variants
   * ({@code PATH#VARIANT}) together, by time. A file never run is absent.
   */
  public Map<String, List<RunRecord>> recentByFile(int window) {
    Map<String, List<RunRecord>> variantRuns = new HashMap<>();
    files.forEach((id, runs) -> {
      String path = VariantIds.path(id);
      if (!path.equals(id) && !files.containsKey(path)) {
        variantRuns.computeIfAbsent(path, p -> new ArrayList<>()).addAll(runs);
      }
    });
    Map<String, List<RunRecord>> recent = new HashMap<>();
    files.keySet().stream().filter(id -> VariantIds.path(id).equals(id)).forEach(path -> recent.put(path, recent(path, window)));
    variantRuns.forEach((path, runs) -> {
      runs.sort(Comparator.comparing(RunRecord::at, Comparator.nullsFirst(Comparator.naturalOrder())));
      recent.put(path, runs.subList(Math.max(0, runs.size() - window), runs.size()));
    });
    return recent;
  }

  /** The last {@code window} runs of {@code file}, oldest first; empty when never run. */
  public List<RunRecord> recent(String file, int window) {
    List<RunRecord> runs = files.getOrDefault(file, List.of());
    return runs.subList(Math.max(0, runs.size() - window), runs.size());
  }
}
