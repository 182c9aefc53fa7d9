package io.shardrun.core.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunRecordEventsTest {
  static final Event CREATED = new Event("order.created", "order-17", "create.json", 1, 1_000L);

  @Test
  void aFilesEventsGoFromItsResultIntoTheRunRecordAndBackToItsRun() {
    FileResult result = new FileResult("create.json", Outcome.PASSED, 10, List.of(), null, null, 5L, null, List.of(CREATED));
    RunRecord record = new RunRecord("nightly", "Succeeded", null, "2025-06-01T12:00:00Z", List.of(),
        List.of(RunRecord.Entry.of(1, result), RunRecord.Entry.of(0, new FileResult("other.json", Outcome.PASSED, 5, List.of(), null, null))));

    String value = RunRecordCodec.encode(record, 1024 * 1024);
    RunRecord read = RunRecordCodec.decode(value, "configmap nightly-results");

    assertThat(value).contains("\"events\":[{\"topic\":\"order.created\"").containsOnlyOnce("\"events\"");
    assertThat(read).isEqualTo(record);
    assertThat(read.fileRuns().get(0).events()).containsExactly(CREATED);
    assertThat(RunRecordCodec.decode("{\"version\":1,\"run\":\"old\",\"phase\":\"Succeeded\",\"finishedAt\":\"2025-06-01T12:00:00Z\","
        + "\"files\":[{\"file\":\"a.json\",\"shard\":0,\"status\":\"passed\",\"durationMs\":1}]}", "old").files().get(0).events()).isEmpty();
  }
}
