package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shardrun run} on a suite whose files coordinate through cross-shard events. */
class RunEventsTest {
  static final String SITE = "../examples/site";

  @TempDir Path dir;

  /** a-ship.json waits for the order b-create.json creates: it is planned first on a shard of its own. */
  Path suite() throws Exception {
    Path suite = Files.createDirectories(dir.resolve("suite"));
    Files.writeString(suite.resolve("a-ship.json"), """
        {"steps": [{"command": "open", "target": "${BASE_URL}/index.html"},
                   {"command": "waitForEvent", "target": "order.created", "value": "order-[0-9]+", "timeout_s": 3}]}""");
    Files.writeString(suite.resolve("b-create.json"), """
        {"steps": [{"command": "open", "target": "${BASE_URL}/index.html"},
                   {"command": "publishEvent", "target": "order.created", "value": "order-17"}]}""");
    return suite;
  }

  Cli run(String... flags) throws Exception {
    String[] common = {"run", suite().toString(), "--serve", SITE, "--out", dir.resolve("out").toString(),
        "--history", dir.resolve("history.json").toString()};
    String[] args = new String[common.length + flags.length];
    System.arraycopy(common, 0, args, 0, common.length);
    System.arraycopy(flags, 0, args, common.length, flags.length);
    return Cli.run(args);
  }

  @Test
  void onTwoWorkersTheWaiterGetsTheEventTheOtherShardPublishes() throws Exception {
    Cli cli = run("--shards", "2", "--parallel", "2");

    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isEqualTo(0);
    Path out = dir.resolve("out");
    assertThat(RunOutput.statuses(out)).containsOnly(Map.entry("a-ship.json", "passed"), Map.entry("b-create.json", "passed"));
    assertThat(RunOutput.file(out, "b-create.json").get("events").get(0).get("value").asText()).isEqualTo("order-17");
    assertThat(RunOutput.file(out, "a-ship.json").has("events")).isFalse();
    assertThat(Files.readString(RunOutput.runDir(out).resolve("events.ndjson"))).startsWith("{\"topic\":\"order.created\"");
  }

  @Test
  void onOneWorkerTheWaiterPlannedFirstTimesOutNamingTheTopicAndPattern() throws Exception {
    Cli cli = run("--shards", "1");

    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isEqualTo(1);
    Path out = dir.resolve("out");
    assertThat(RunOutput.statuses(out)).containsExactly(Map.entry("a-ship.json", "failed"), Map.entry("b-create.json", "passed"));
    assertThat(RunOutput.file(out, "a-ship.json").get("message").asText()).isEqualTo("steps[1] waitForEvent order.created:"
        + " no event on order.created matching 'order-[0-9]+' within 3 s (events seen on order.created: none)");
  }
}
