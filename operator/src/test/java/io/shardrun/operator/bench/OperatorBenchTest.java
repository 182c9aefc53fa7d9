package io.shardrun.operator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark at toy sizes, so that it keeps running; it checks the report's shape, never a time. */
class OperatorBenchTest {
  @Test
  void measuresEverythingAndPrintsTheReport() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    OperatorBench.run(new OperatorBench.Config(List.of(1, 2), 2, 1, 3, 30, 2, 1, 3), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String report = bytes.toString(StandardCharsets.UTF_8);

    String n = "-?\\d+(\\.\\d+)?";
    assertThat(report).containsPattern("shards +files +median ms +min ms +max ms +ms/shard +direct ms\n +1 +2( +" + n + "){5}\n +2 +4( +" + n
        + "){5}\n");
    assertThat(report).containsPattern("aggregation: observe and decide, 3 shards x 30 files .*\naggregate: median " + n + " ms");
    assertThat(report).containsPattern("reconcile to status: last of 3 Jobs ended -> TestRun final with 90 files counted .* median " + n + " ms");
    assertThat(report).containsPattern("status writes \\(reconciles\\) \\[\\d+\\], Job POSTs \\[\\d+\\]; one Job is \\d+ KiB of JSON\n");
    assertThat(report).contains("3 TestRuns of 1 shard each, all with a status (mock holds 3 Jobs, 4 ConfigMaps, ");
    assertThat(report).containsPattern("mock, before any operator ran +" + n + "\nmock, after a warm-up operator ran and stopped +" + n
        + "\nmock \\+ operator, idle +" + n
        + "\nmock \\+ operator, 3 TestRuns +" + n + "\nmock with the same objects, operator stopped +" + n + "\n");
    assertThat(report).containsPattern("left by the warm-up for good \\(.*\\): " + n + " MiB; operator idle after it: " + n + " KiB\n"
        + "per TestRun: operator " + n + " KiB, mock " + n + " KiB, both " + n + " KiB \\(operator with 3 TestRuns: " + n + " MiB\\)\n");
  }
}
