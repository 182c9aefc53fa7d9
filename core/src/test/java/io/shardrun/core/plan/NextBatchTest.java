package io.shardrun.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NextBatchTest {
  static WorkUnit unit(long... estimatesMs) {
    List<PlannedFile> files = java.util.stream.LongStream.of(estimatesMs).mapToObj(ms -> new PlannedFile("f" + ms + ".json", ms)).toList();
    return new WorkUnit(0, files);
  }

  @Test
  void aShardAsksItsLeadBeforeItsLastUnitIsEstimatedToEndAndAtOnceBehindAShortOne() {
    assertThat(NextBatch.askDelayMs(unit(80_000))).isEqualTo(75_000);
    assertThat(NextBatch.askDelayMs(unit(3_000, 4_000))).isEqualTo(2_000); // a unit's files run in a row
    assertThat(NextBatch.askDelayMs(unit(1_500))).isZero();
  }
}
