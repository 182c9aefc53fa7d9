package io.shardrun.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardrun.cli.local.LocalReports.RunResults;
import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.Outcome;
import io.shardrun.crd.v1alpha1.Phase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** results.json as a run writes it, and as runs of earlier versions wrote it. */
class ResultsJsonTest {
  static final String START = "2025-06-01T12:00:00Z";
  static final long START_MS = 1_748_779_200_000L;

  @Test
  void whatIsWrittenReadsBackTheSame() {
    RunResults results = new RunResults("run-1", Phase.Error, START, "2025-06-01T12:01:00Z", List.of("a.json"),
        List.of(file("a.json", 0, Outcome.PASSED, START_MS + 10, 500)));

    String json = ResultsJson.write(results);

    assertThat(json).containsSubsequence("\"run\"", "\"phase\" : \"Error\"", "\"startedAt\"", "\"finishedAt\"", "\"flaky\"", "\"files\"");
    assertThat(ResultsJson.read(json, "r.json")).isEqualTo(results);
  }

  @Test
  void anOlderRunGetsItsPhaseFromItsOutcomesAndItsEndFromItsLatestShard() {
    String json = """
        {"run": "run-1", "startedAt": "%s", "files": [
          {"file": "a.json", "shard": 0, "status": "passed", "durationMs": 1000, "startedMs": %d, "tags": ["x"], "steps": []},
          {"file": "b.json", "shard": 0, "status": "failed", "durationMs": 2000, "startedMs": %d, "tags": [], "steps": []},
          {"file": "c.json", "shard": 1, "status": "passed", "durationMs": 4000, "startedMs": %d, "tags": [], "steps": []}]}
        """.formatted(START, START_MS + 100, START_MS + 1100, START_MS + 200);

    RunResults read = ResultsJson.read(json, "r.json");

    assertThat(read.phase()).isEqualTo(Phase.Failed);
    assertThat(read.finishedAt()).isEqualTo("2025-06-01T12:00:04.200Z");
    assertThat(read.flaky()).isEmpty();
  }

  @Test
  void filesWithNoStartEndTheirShardAfterTheSumOfTheirDurations() {
    List<FileRun> files = List.of(file("a.json", 0, Outcome.PASSED, 0, 1000), file("b.json", 0, Outcome.ERROR, 0, 2500),
        file("c.json", 1, Outcome.PASSED, START_MS + 500, 1000));

    assertThat(ResultsJson.wallMs(START_MS, files)).isEqualTo(3500);
    assertThat(RunPhase.of(files, true)).isEqualTo(Phase.Error);
  }

  @Test
  void whatIsNotARunsResultsIsRefusedInWords() {
    assertThatThrownBy(() -> ResultsJson.read("{\"run\": ", "r.json"))
        .hasMessageStartingWith("r.json: not a Shardrun run's results: ");
    assertThatThrownBy(() -> ResultsJson.read("{\"startedAt\": \"" + START + "\", \"files\": []}", "r.json"))
        .hasMessage("r.json: not a Shardrun run's results: 'run' is missing");
    assertThatThrownBy(() -> ResultsJson.read("{\"run\": \"r\", \"startedAt\": \"noon\", \"files\": []}", "r.json"))
        .hasMessage("r.json: not a Shardrun run's results: startedAt: expected an ISO-8601 instant such as"
            + " 2025-06-01T12:00:00.123Z, found 'noon'");
    assertThatThrownBy(() -> ResultsJson.read("{\"run\": \"r\", \"phase\": \"Running\", \"startedAt\": \"" + START
        + "\", \"files\": []}", "r.json"))
        .hasMessage("r.json: not a Shardrun run's results: phase: expected Succeeded, Failed or Error, found 'Running'");
    assertThatThrownBy(() -> ResultsJson.read("{\"run\": \"r\", \"startedAt\": \"" + START + "\", \"files\": [{\"file\": \"a.json\"}]}",
        "r.json")).hasMessage("r.json: not a Shardrun run's results: files[0]: expected a mapping with 'file' and 'status'");
    assertThatThrownBy(() -> ResultsJson.read("{\"run\": \"r\", \"startedAt\": \"" + START + "\", \"files\": {}}", "r.json"))
        .hasMessage("r.json: not a Shardrun run's results: files: expected a list, found a mapping");
  }

  private static FileRun file(String path, int shard, Outcome status, long startedMs, long durationMs) {
    return new FileRun(path, path, shard, status, durationMs, 1, List.of(), null, null, List.of(), startedMs);
  }
}
