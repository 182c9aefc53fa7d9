package io.shardrun.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.Outcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The live progress of {@code shardrun run}, on a terminal and in a log. */
class ProgressTest {
  private final StringWriter text = new StringWriter();
  private final AtomicLong clock = new AtomicLong(1_000_000);

  @Test
  void inALogEachFinishedFilePrintsOneLine() {
    Progress progress = new Progress(new PrintWriter(text), false, 4, clock::get);

    finishAt(progress, 2_000, run("auth/login.json", 0, Outcome.PASSED));
    finishAt(progress, 5_000, run("shop/cart.json", 0, Outcome.FAILED));
    finishAt(progress, 5_000, run("shop/pay.json", 1, Outcome.SKIPPED));
    finishAt(progress, 65_000, run("slow.json", 1, Outcome.ERROR));
    progress.close();

    assertThat(text.toString()).isEqualTo("""
        [1/4] passed 1, failed 0, skipped 0, errors 0 | elapsed 2s, ETA 6s  passed auth/login.json
        [2/4] passed 1, failed 1, skipped 0, errors 0 | elapsed 5s, ETA 5s  failed shop/cart.json
        [3/4] passed 1, failed 1, skipped 1, errors 0 | elapsed 5s, ETA 2s  skipped shop/pay.json
        [4/4] passed 1, failed 1, skipped 1, errors 1 | elapsed 1m05s, ETA -  error slow.json
        """.replace("\n", System.lineSeparator()));
  }

  @Test
  void withEstimatesTheEtaIsTheWorkLeftAtThePaceSoFarOverTheShardsRunningAtOnce() {
    Map<String, Long> estimates = Map.of("a.json", 10_000L, "b.json", 10_000L, "c.json", 20_000L, "d.json", 20_000L);
    Progress progress = new Progress(new PrintWriter(text), false, 4, clock::get, estimates, 2);

    // a took half its estimate: the 50 s of estimates left are 25 s of work, 12.5 s over 2 shards
    finishAt(progress, 5_000, new FileRun("a.json", "a.json", 0, Outcome.PASSED, 5_000, 1, List.of(), null, null, List.of(), 0));
    // b took its estimate: 15 s actual for 20 s estimated, the 40 s left are 30 s of work, 15 s over 2
    finishAt(progress, 10_000, new FileRun("b.json", "b.json", 1, Outcome.PASSED, 10_000, 1, List.of(), null, null, List.of(), 0));

    assertThat(text.toString()).isEqualTo("""
        [1/4] passed 1, failed 0, skipped 0, errors 0 | elapsed 5s, ETA 13s  passed a.json
        [2/4] passed 2, failed 0, skipped 0, errors 0 | elapsed 10s, ETA 15s  passed b.json
        """.replace("\n", System.lineSeparator()));
  }

  @Test
  void onATerminalOneLineIsRedrawnAndCloseEndsIt() {
    Progress progress = new Progress(new PrintWriter(text), true, 2, clock::get);

    finishAt(progress, 850, run("a.json", 0, Outcome.PASSED));
    finishAt(progress, 1_700, run("b.json", 1, Outcome.PASSED));
    progress.close();

    assertThat(text.toString()).isEqualTo(
        "\r[1/2] passed 1, failed 0, skipped 0, errors 0 | elapsed 850ms, ETA 850ms\u001b[K"
        + "\r[2/2] passed 2, failed 0, skipped 0, errors 0 | elapsed 2s, ETA -\u001b[K"
        + System.lineSeparator());
  }

  @Test
  void closingBeforeAnyFileFinishedPrintsNothing() {
    new Progress(new PrintWriter(text), true, 3, clock::get).close();
    new Progress(new PrintWriter(text), false, 3, clock::get).close();

    assertThat(text.toString()).isEmpty();
  }

  /** Reports {@code run} finished {@code elapsedMs} after the progress started. */
  private void finishAt(Progress progress, long elapsedMs, FileRun run) {
    clock.set(1_000_000 + elapsedMs);
    progress.finished(run);
  }

  static FileRun run(String file, int shard, Outcome status) {
    return new FileRun(file, file, shard, status, 1_000, 1, List.of(), null, null, List.of(), 0);
  }
}
