package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardrun.core.history.HistoryCodec;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.run.RunPlanner;
import io.shardrun.core.select.SelectionCriteria;
import io.shardrun.core.suite.Suite;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteParser;
import io.shardrun.core.history.History;
import io.shardrun.crd.v1alpha1.HistorySpec;
import io.shardrun.crd.v1alpha1.Sharding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shardrun run --sharding dynamic}: shards take batches from a queue while the run goes. */
class RunDynamicTest {
  static final String SUITE = "../examples/suite";
  static final String SITE = "../examples/site";

  @TempDir Path dir;

  static List<JsonNode> files(Path out) {
    return StreamSupport.stream(RunOutput.results(out).get("files").spliterator(), false).toList();
  }

  @Test
  void theExampleSuiteRunsEveryFileExactlyOnceWithDependenciesAndSerialFilesHonoured() throws Exception {
    Path out = dir.resolve("out");
    Path history = dir.resolve("history.json");

    Cli cli = Cli.run("run", SUITE, "--serve", SITE, "--sharding", "dynamic", "--shards", "3",
        "--out", out.toString(), "--history", history.toString());

    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isEqualTo(1); // the suite's one deliberate failure
    assertThat(cli.out()).contains("files on 3 shards (dynamic)");
    List<String> suiteFiles = SuiteFiles.fromDirectory(Path.of(SUITE)).files().stream()
        .map(f -> f.path()).filter(SuiteFiles::isActionFile).sorted().toList();
    List<JsonNode> ran = files(out);
    assertThat(ran).extracting(f -> f.get("file").asText()).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(suiteFiles);
    // A file runs on the shard of what it depends on, after it: checkout after login and search.
    Suite suite = SuiteParser.parse(SuiteFiles.fromDirectory(Path.of(SUITE))).orThrow();
    for (JsonNode file : ran) {
      for (String upstream : suite.graph().upstreamOf(file.get("file").asText())) {
        JsonNode before = ran.stream().filter(f -> f.get("file").asText().equals(upstream)).findFirst().orElseThrow();
        assertThat(before.get("shard").asInt()).as(upstream + " with its dependent").isEqualTo(file.get("shard").asInt());
        assertThat(ran.indexOf(before)).as(upstream + " before its dependent").isLessThan(ran.indexOf(file));
      }
    }
    assertThat(HistoryCodec.read(Files.readString(history), "history").files()).containsOnlyKeys(suiteFiles);
  }

  @Test
  void aShardThatIsDoneEarlyTakesMoreFilesThanAStaticPlanGaveIt() throws Exception {
    Path suiteDir = Files.createDirectories(dir.resolve("suite"));
    // Estimated by step counts, the long file looks like the others; it runs 8 s.
    Files.writeString(suiteDir.resolve("long.json"), """
        {"steps": [{"command": "open", "target": "${BASE_URL}/index.html"}, {"command": "pause", "target": "8000"}]}""");
    for (int i = 1; i <= 6; i++) {
      Files.writeString(suiteDir.resolve("short-" + i + ".json"), """
          {"steps": [{"command": "open", "target": "${BASE_URL}/index.html"},
                     {"command": "assertTitle", "target": "Home - Shardrun demo"}]}""");
    }
    Plan planned = RunPlanner.plan(SelectionCriteria.all(), 2, Sharding.BALANCED, HistorySpec.DEFAULT_WINDOW,
        SuiteParser.parse(SuiteFiles.fromDirectory(suiteDir)).orThrow(), History.empty());
    int staticShortsBesideLong = planned.shards().stream()
        .filter(s -> s.paths().contains("long.json")).mapToInt(s -> s.files().size() - 1).sum();
    Path out = dir.resolve("out");

    Cli cli = Cli.run("run", suiteDir.toString(), "--serve", SITE, "--sharding", "dynamic", "--shards", "2",
        "--batch", "off", "--out", out.toString(), "--history", dir.resolve("h.json").toString());

    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
    Map<Integer, List<String>> byShard = new TreeMap<>();
    files(out).forEach(f -> byShard.computeIfAbsent(f.get("shard").asInt(), s -> new ArrayList<>()).add(f.get("file").asText()));
    int longShard = byShard.entrySet().stream().filter(e -> e.getValue().contains("long.json")).findFirst().orElseThrow().getKey();
    List<String> other = byShard.get(1 - longShard);
    assertThat(staticShortsBesideLong).as("the static plan's share beside the long file").isGreaterThanOrEqualTo(2);
    assertThat(other.size()).as("the other shard took %s", other).isGreaterThan(6 - staticShortsBesideLong);
    assertThat(byShard.get(longShard).size() - 1).as("short files beside the long one: %s", byShard.get(longShard))
        .isLessThan(staticShortsBesideLong);
  }

  @Test
  void batchFlagsAreCheckedUpFront() {
    assertThat(Cli.run("run", SUITE, "--sharding", "dynamic", "--batch", "time:0").err())
        .isEqualTo("error: --batch: expected time:SECONDS, count:N, off or shrinking (SECONDS and N whole numbers >= 1), got 'time:0'\n");
    assertThat(Cli.run("run", SUITE, "--batch", "off").err()).isEqualTo("error: --batch applies to --sharding dynamic only\n");
  }
}
