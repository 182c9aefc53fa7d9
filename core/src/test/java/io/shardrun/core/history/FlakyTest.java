package io.shardrun.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.results.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlakyTest {
  static RunRecord run(Outcome outcome) {
    return new RunRecord(1000, outcome, "2026-11-21T10:00:00Z");
  }

  @Test
  void aFileThatPassedAndFailedWithinTheWindowIsFlakyOnlyWithEnoughRuns() {
    History history = new History(History.VERSION, Map.of(
        "flaky.json", List.of(run(Outcome.PASSED), run(Outcome.FAILED), run(Outcome.PASSED)),
        "young.json", List.of(run(Outcome.PASSED), run(Outcome.ERROR)),
        "stable.json", List.of(run(Outcome.PASSED), run(Outcome.PASSED), run(Outcome.PASSED)),
        "broken.json", List.of(run(Outcome.FAILED), run(Outcome.FAILED), run(Outcome.FAILED)),
        "healed.json", List.of(run(Outcome.FAILED), run(Outcome.PASSED), run(Outcome.PASSED), run(Outcome.PASSED))));

    assertThat(Flaky.files(history, 10, 3)).containsExactly("flaky.json", "healed.json");
    assertThat(Flaky.files(history, 3, 3)).as("the old failure of healed.json left the window").containsExactly("flaky.json");
  }
}
