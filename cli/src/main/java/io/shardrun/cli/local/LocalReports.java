package io.shardrun.cli.local;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.shardrun.core.history.History;
import io.shardrun.core.history.HistoryCodec;
import io.shardrun.core.history.HistoryMerge;
import io.shardrun.core.results.FileResult;
import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.JUnitXml;
import io.shardrun.core.results.Ledger;
import io.shardrun.crd.v1alpha1.Phase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a local run leaves behind: {@code results.json} with every step record and a JUnit XML
 * per shard in the run folder, the merged JUnit XML, a ledger line per file, and the history
 * that the next {@code --sharding balanced} run plans with. The merged JUnit XML, the ledger and
 * the history may be shared by runs going on at the same time: they are {@link SharedFile}s.
 */
public final class LocalReports {
  private LocalReports() {}

  /**
   * The document written to {@code results.json} ({@link ResultsJson}).
   *
   * @param phase how the run ended: {@code Succeeded}, {@code Failed} or {@code Error} ({@link RunPhase})
   * @param startedAt when the run started, ISO-8601; also the ledger's time
   * @param finishedAt when the run finished, ISO-8601: its history records' time
   * @param flaky the run's files that the history before it shows as flaky
   */
  @JsonPropertyOrder({"run", "phase", "startedAt", "finishedAt", "flaky", "files"})
  public record RunResults(String run, Phase phase, String startedAt, String finishedAt, List<String> flaky, List<FileRun> files) {}

  /**
   * @param junit the merged report's path (default {@code <runDir>/junit.xml})
   * @param ledger appended to when not null
   * @param history read, merged and written back when not null
   * @throws IllegalArgumentException when the ledger or history is not one (any more): it is left as is
   */
  public static void write(Path runDir, RunResults results, Path junit, Path ledger, Path history)
      throws IOException {
    List<FileRun> runs = results.files();
    Files.createDirectories(runDir);
    SharedFile.replace(runDir.resolve("results.json"), ResultsJson.write(results));
    Map<Integer, List<FileRun>> byShard = runs.stream()
        .collect(Collectors.groupingBy(FileRun::shard, TreeMap::new, Collectors.toList()));
    for (Map.Entry<Integer, List<FileRun>> shard : byShard.entrySet()) {
      SharedFile.replace(runDir.resolve(shard.getKey() + "/junit.xml"), JUnitXml.shard(shard.getKey(), shard.getValue()));
    }
    SharedFile.replace(junit, JUnitXml.merged(runs));
    List<FileResult> fileResults = runs.stream().map(FileRun::toResult).toList();
    if (ledger != null) {
      String lines = Ledger.lines(results.run(), results.startedAt(), fileResults);
      SharedFile.update(ledger, current -> Ledger.append(current, lines, ledger.toString()));
    }
    if (history != null) {
      SharedFile.update(history, current -> {
        History before = current == null ? History.empty() : HistoryCodec.read(current, history.toString());
        return HistoryCodec.write(HistoryMerge.merge(before, fileResults, results.finishedAt(),
            HistoryMerge.DEFAULT_KEEP_PER_FILE, HistoryMerge.CLUSTER_MAX_BYTES));
      });
    }
  }
}
