package io.shardrun.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The end-of-run summary of {@code shardrun run}. */
class SummaryTest {

  @Test
  void rowsPerShardThenTheTotalTheGapAndWhatDidNotPass() {
    List<FileRun> runs = List.of(
        run("auth/login.json", 0, Outcome.PASSED, 1_200, null),
        run("shop/cart.json", 0, Outcome.FAILED, 3_400, "steps[4] assertText css=.total: expected '$42.00' but was '$41.00'"),
        run("shop/pay.json", 1, Outcome.SKIPPED, 0, "not run: upstream shop/cart.json did not run in this shard"),
        run("home/index.json", 1, Outcome.PASSED, 2_000, null),
        run("slow.json", 2, Outcome.ERROR, 65_000, "no browser session: chromedriver exited"));

    assertThat(Summary.render(runs)).isEqualTo("""
        SHARD   FILES  PASSED  FAILED  SKIPPED  ERRORS  DURATION
        0           2       1       1        0       0        5s
        1           2       1       0        1       0        2s
        2           1       0       0        0       1     1m05s
        total       5       2       1        1       1     1m05s
        slowest shard 1m05s, fastest 2s: gap 1m03s

        Not passed:
          failed  shop/cart.json (shard 0)
                  steps[4] assertText css=.total: expected '$42.00' but was '$41.00'
          skipped shop/pay.json (shard 1)
                  not run: upstream shop/cart.json did not run in this shard
          error   slow.json (shard 2)
                  no browser session: chromedriver exited
        """.replace("\n", System.lineSeparator()));
  }

  @Test
  void oneShardAllPassedHasNoGapLineAndNoFailures() {
    List<FileRun> runs = List.of(
        run("a.json", 0, Outcome.PASSED, 400, null),
        run("b.json", 0, Outcome.PASSED, 450, null));

    assertThat(Summary.render(runs)).isEqualTo("""
        SHARD   FILES  PASSED  FAILED  SKIPPED  ERRORS  DURATION
        0           2       2       0        0       0     850ms
        total       2       2       0        0       0     850ms
        """.replace("\n", System.lineSeparator()));
  }

  @Test
  void theTimeToFirstFailureRunsFromTheFirstStartToTheEndOfTheFirstBadFile() {
    List<FileRun> runs = List.of(
        new FileRun("a.json", "a.json", 0, Outcome.PASSED, 2_000, 1, List.of(), null, null, List.of(), 10_000),
        new FileRun("late.json", "late.json", 0, Outcome.FAILED, 1_000, 1, List.of(), 0, "boom", List.of(), 20_000),
        new FileRun("early.json", "early.json", 1, Outcome.ERROR, 3_500, 1, List.of(), 0, "gone", List.of(), 11_000));

    assertThat(Summary.render(runs)).contains("first failure after 5s: early.json" + System.lineSeparator());
  }

  @Test
  void shardsAreListedInOrderWhateverTheOrderOfTheRuns() {
    List<FileRun> runs = List.of(
        run("b.json", 10, Outcome.PASSED, 1_000, null),
        run("a.json", 2, Outcome.PASSED, 1_000, null));

    assertThat(Summary.render(runs).lines().map(l -> l.split(" +")[0]).toList())
        .containsExactly("SHARD", "2", "10", "total", "slowest");
  }

  private static FileRun run(String file, int shard, Outcome status, long ms, String message) {
    return new FileRun(file, file, shard, status, ms, status == Outcome.SKIPPED ? 0 : 1, List.of(),
        message == null || status == Outcome.SKIPPED ? null : 0, message, List.of(), 0);
  }
}
