package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticSuiteTest {
  @Test
  void hasDependencyChainsSerialFilesAndHistoryForMostFiles() {
    SyntheticSuite synthetic = SyntheticSuite.generate(10_000, 1);

    assertThat(synthetic.suite().files()).hasSize(10_000);
    List<List<String>> groups = synthetic.suite().graph().components(synthetic.suite().files().keySet());
    assertThat(groups.stream().filter(g -> g.size() == SyntheticSuite.CHAIN_LENGTH)).hasSize(100);
    assertThat(groups).hasSize(10_000 - 100 * (SyntheticSuite.CHAIN_LENGTH - 1));
    assertThat(synthetic.suite().files().values().stream().filter(f -> f.meta().serial())).hasSize(2);
    assertThat(synthetic.history().files()).hasSizeBetween(9_300, 9_700)
        .allSatisfy((file, runs) -> assertThat(runs).hasSize(SyntheticSuite.RUNS));
  }

  @Test
  void theSameSeedGivesTheSameSuite() {
    SyntheticSuite first = SyntheticSuite.generate(200, 3);
    SyntheticSuite again = SyntheticSuite.generate(200, 3);

    assertThat(again.suite().files()).isEqualTo(first.suite().files());
    assertThat(again.history()).isEqualTo(first.history());
    assertThat(again.suite().graph().order()).isEqualTo(first.suite().graph().order());
  }
}
