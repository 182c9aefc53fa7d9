package io.shardrun.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardrun.core.results.Outcome;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HistoryCodecTest {
  private static final String SOURCE = ".shardrun/history.json";

  private static final History HISTORY = new History(History.VERSION, new TreeMap<>(Map.of(
      "shop/cart.json", List.of(
          new RunRecord(1200, Outcome.PASSED, "2026-01-01T10:00:00Z"),
          new RunRecord(3400, Outcome.FAILED, "2026-01-02T10:00:00Z")),
      "auth/login.json", List.of(
          new RunRecord(800, Outcome.ERROR, "2026-01-02T10:00:00Z"),
          new RunRecord(0, Outcome.SKIPPED, "2026-01-03T10:00:00Z")))));

  @Test
  void roundTripsAHistory() {
    assertThat(HistoryCodec.read(HistoryCodec.write(HISTORY), SOURCE)).isEqualTo(HISTORY);
  }

  @Test
  void writesVersionFilesByPathAndLowerCaseOutcomes() {
    assertThat(HistoryCodec.write(HISTORY)).isEqualTo("{\"version\":1,\"files\":{"
        + "\"auth/login.json\":[{\"durationMs\":800,\"outcome\":\"error\",\"at\":\"2026-01-02T10:00:00Z\"},"
        + "{\"durationMs\":0,\"outcome\":\"skipped\",\"at\":\"2026-01-03T10:00:00Z\"}],"
        + "\"shop/cart.json\":[{\"durationMs\":1200,\"outcome\":\"passed\",\"at\":\"2026-01-01T10:00:00Z\"},"
        + "{\"durationMs\":3400,\"outcome\":\"failed\",\"at\":\"2026-01-02T10:00:00Z\"}]}}");
  }

  @Test
  void emptyHistoryRoundTrips() {
    assertThat(HistoryCodec.write(History.empty())).isEqualTo("{\"version\":1,\"files\":{}}");
    assertThat(HistoryCodec.read("{\"version\": 1}", SOURCE)).isEqualTo(History.empty());
  }

  @Test
  void badJsonNamesTheSourceAndThePosition() {
    assertThatThrownBy(() -> HistoryCodec.read("{\"version\": 1,\n \"files\": {", SOURCE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(SOURCE + ": not a Shardrun history document: Unexpected end-of-input")
        .hasMessageEndingWith("(line 2, column 12)");
  }

  @Test
  void wrongVersionNamesTheSourceAndTheSupportedVersion() {
    assertThatThrownBy(() -> HistoryCodec.read("{\"version\": 2, \"files\": {}}", "ConfigMap shop/shardrun-history-shop"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ConfigMap shop/shardrun-history-shop: history version 2 is not supported; expected 1");
  }

  @Test
  void unknownFieldIsRejectedNamingTheSource() {
    assertThatThrownBy(() -> HistoryCodec.read("{\"version\": 1, \"runs\": []}", SOURCE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(SOURCE + ": not a Shardrun history document: unknown field 'runs' at runs; expected one of files, version");
  }

  @Test
  void unknownOutcomeIsRejectedNamingTheSource() {
    assertThatThrownBy(() -> HistoryCodec.read(
        "{\"version\": 1, \"files\": {\"a.json\": [{\"durationMs\": 1, \"outcome\": \"flaky\", \"at\": \"x\"}]}}", SOURCE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(SOURCE + ": not a Shardrun history document: ")
        .hasMessageContaining("flaky");
  }

  @Test
  void aNegativeDurationOrAMissingOutcomeIsRejectedNamingTheRecord() {
    assertThatThrownBy(() -> HistoryCodec.read(
        "{\"version\": 1, \"files\": {\"a.json\": [{\"durationMs\": -5, \"outcome\": \"passed\", \"at\": \"x\"}]}}", SOURCE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(SOURCE + ": files[\"a.json\"][0].durationMs: expected milliseconds >= 0, found -5");
    assertThatThrownBy(() -> HistoryCodec.read(
        "{\"version\": 1, \"files\": {\"a.json\": [{\"durationMs\": 5, \"at\": \"x\"}]}}", SOURCE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(SOURCE + ": files[\"a.json\"][0].outcome: missing; expected passed, failed, skipped or error");
  }
}
