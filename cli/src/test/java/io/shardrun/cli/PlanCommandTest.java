package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
  @Test
  void printsEachShardWithItsFilesTheirEstimatesAndTheRatioToTheLowerBound(@TempDir Path dir) throws Exception {
    Path suite = Files.createDirectories(dir.resolve("suite"));
    // 4, 3, 2 and 1 steps: 1 s per step before any history.
    for (int steps = 1; steps <= 4; steps++) {
      String body = "{\"command\": \"echo\", \"target\": \"x\"}, ".repeat(steps - 1) + "{\"command\": \"echo\", \"target\": \"x\"}";
      Files.writeString(suite.resolve("f" + steps + ".json"), "{\"steps\": [" + body + "]}");
    }
    Path run = dir.resolve("run.yaml");
    Files.writeString(run, """
        apiVersion: shardrun.io/v1alpha1
        kind: TestRun
        metadata: {name: smoke}
        spec: {suite: {configMap: s}, shards: 2}
        """);
    Cli cli = Cli.run("plan", "-f", run.toString(), "--suite", suite.toString());
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out()).isEqualTo("""
        TestRun smoke: 4 files, 2 shards, sharding balanced
        SHARD   FILES   ESTIMATE
        0           2       5.0s
          f1.json  1.0s
          f4.json  4.0s
        1           2       5.0s
          f2.json  2.0s
          f3.json  3.0s
        largest shard 5.0s, lower bound 5.0s: ratio 1.00

        """);
  }

  @Test
  void changedFilesFirstPutTheAffectedFilesAtTheHeadOfTheirShard(@TempDir Path dir) throws Exception {
    Path suite = Files.createDirectories(dir.resolve("suite"));
    for (String name : List.of("a", "b", "c")) {
      Files.writeString(suite.resolve(name + ".json"), "{\"steps\": [{\"command\": \"echo\", \"target\": \"x\"}]}");
    }
    Path run = dir.resolve("run.yaml");
    Files.writeString(run, """
        apiVersion: shardrun.io/v1alpha1
        kind: TestRun
        metadata: {name: affected}
        spec: {suite: {configMap: s}, selector: {changedFiles: [c.json], changedMode: first}}
        """);
    Cli cli = Cli.run("plan", "-f", run.toString(), "--suite", suite.toString());
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out()).contains("""
        TestRun affected: 3 files, 1 shards, sharding balanced
        SHARD   FILES   ESTIMATE
        0           3       3.0s
          c.json  1.0s
          a.json  1.0s
          b.json  1.0s
        """);
  }

  @Test
  void aDocumentOfAnotherKindIsIgnoredWithAWarningNamingPlan(@TempDir Path dir) throws Exception {
    Path suite = Files.createDirectories(dir.resolve("suite"));
    Files.writeString(suite.resolve("a.json"), "{\"steps\": [{\"command\": \"echo\", \"target\": \"x\"}]}");
    Path run = dir.resolve("run.yaml");
    Files.writeString(run, "apiVersion: v1\nkind: Service\nmetadata: {name: site}\n---\n"
        + "apiVersion: shardrun.io/v1alpha1\nkind: TestRun\nmetadata: {name: r}\nspec: {suite: {configMap: s}}\n");
    Cli cli = Cli.run("plan", "-f", run.toString(), "--suite", suite.toString());
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.err()).isEqualTo("warning: " + run + " (document 1): kind Service is not used by plan; ignored\n");
  }

  @Test
  void historyShapesTheEstimates(@TempDir Path dir) throws Exception {
    Path suite = Files.createDirectories(dir.resolve("suite"));
    Files.writeString(suite.resolve("a.json"), "{\"steps\": [{\"command\": \"echo\", \"target\": \"x\"}]}");
    Path history = dir.resolve("history.json");
    Files.writeString(history, "{\"version\": 1, \"files\": {\"a.json\": [{\"durationMs\": 90000, \"outcome\": \"passed\", \"at\": \"2026-11-20T10:00:00Z\"}]}}");
    Path run = dir.resolve("run.yaml");
    Files.writeString(run, "apiVersion: shardrun.io/v1alpha1\nkind: TestRun\nmetadata: {name: r}\nspec: {suite: {configMap: s}}\n");
    Cli cli = Cli.run("plan", "-f", run.toString(), "--suite", suite.toString(), "--history", history.toString());
    assertThat(cli.out()).contains("0           1      1m30s");
  }

  @Test
  void aBrokenHistoryFileIsNamedInTheError(@TempDir Path dir) throws Exception {
    Path suite = Files.createDirectories(dir.resolve("suite"));
    Files.writeString(suite.resolve("a.json"), "{\"steps\": [{\"command\": \"echo\", \"target\": \"x\"}]}");
    Path history = dir.resolve("history.json");
    Files.writeString(history, "{\"version\": 7, \"files\": {}}");
    Path run = dir.resolve("run.yaml");
    Files.writeString(run, "apiVersion: shardrun.io/v1alpha1\nkind: TestRun\nmetadata: {name: r}\nspec: {suite: {configMap: s}}\n");
    Cli cli = Cli.run("plan", "-f", run.toString(), "--suite", suite.toString(), "--history", history.toString());
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).isEqualTo("error: " + history + ": history version 7 is not supported; expected 1\n");
  }
}
