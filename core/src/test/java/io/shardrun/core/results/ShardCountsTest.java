package io.shardrun.core.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShardCountsTest {
  static FileResult result(Outcome status) {
    return new FileResult("f.json", status, 10, List.of(), null, null);
  }

  @Test
  void tallyCountsFinishedFilesByOutcomeAndKeepsThePlannedTotal() {
    List<FileResult> finished = List.of(result(Outcome.PASSED), result(Outcome.PASSED), result(Outcome.FAILED),
        result(Outcome.SKIPPED), result(Outcome.ERROR), result(Outcome.ERROR));
    assertThat(ShardCounts.tally(9, finished, 1234)).isEqualTo(new ShardCounts(9, 2, 1, 1, 2, 1234));
  }

  @Test
  void tallyOfNothingFinishedIsAllZeroButThePlan() {
    assertThat(ShardCounts.tally(4, List.of(), 0)).isEqualTo(new ShardCounts(4, 0, 0, 0, 0, 0));
  }
}
