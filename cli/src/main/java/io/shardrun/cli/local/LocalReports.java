package io.shardrun.cli.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.shardrun.core.history.History;
import io.shardrun.core.history.HistoryCodec;
import io.shardrun.core.history.HistoryMerge;
import io.shardrun.core.results.FileResult;
import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.JUnitXml;
import io.shardrun.core.results.Ledger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a local run leaves behind: {@code results.json} with every step record and a JUnit XML
 * per shard in the run folder, the merged JUnit XML, a ledger line per file, and the history
 * that the next {@code --sharding balanced} run plans with.
 */
public final class LocalReports {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private LocalReports() {}

  /** The document written to {@code results.json}. */
  public record RunResults(String run, String startedAt, List<FileRun> files) {}

  /**
   * @param junit the merged report's path (default {@code <runDir>/junit.xml})
   * @param ledger appended to when not null
   * @param history read, merged and written back when not null
   */
  public static void write(Path runDir, String runId, String at, List<FileRun> runs, Path junit, Path ledger, Path history)
      throws IOException {
    Files.createDirectories(runDir);
    JSON.writeValue(runDir.resolve("results.json").toFile(), new RunResults(runId, at, runs));
    Map<Integer, List<FileRun>> byShard = runs.stream()
        .collect(Collectors.groupingBy(FileRun::shard, TreeMap::new, Collectors.toList()));
    for (Map.Entry<Integer, List<FileRun>> shard : byShard.entrySet()) {
      Path dir = Files.createDirectories(runDir.resolve(Integer.toString(shard.getKey())));
      Files.writeString(dir.resolve("junit.xml"), JUnitXml.shard(shard.getKey(), shard.getValue()), StandardCharsets.UTF_8);
    }
    writeCreatingParents(junit, JUnitXml.merged(runs));
    List<FileResult> results = runs.stream().map(FileRun::toResult).toList();
    if (ledger != null) {
      String lines = (Files.exists(ledger) && Files.size(ledger) > 0 ? "" : Ledger.HEADER + "\n") + Ledger.lines(runId, at, results);
      if (ledger.getParent() != null) {
        Files.createDirectories(ledger.getParent());
      }
      Files.writeString(ledger, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    if (history != null) {
      History before = Files.exists(history) ? HistoryCodec.read(Files.readString(history), history.toString()) : History.empty();
      History after = HistoryMerge.merge(before, results, at, HistoryMerge.DEFAULT_KEEP_PER_FILE, HistoryMerge.CLUSTER_MAX_BYTES);
      writeCreatingParents(history, HistoryCodec.write(after));
    }
  }

  private static void writeCreatingParents(Path file, String content) throws IOException {
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
