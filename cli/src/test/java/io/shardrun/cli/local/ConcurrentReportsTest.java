package io.shardrun.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.history.HistoryCodec;
import io.shardrun.core.history.RunRecord;
import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.Ledger;
import io.shardrun.core.results.LedgerEntry;
import io.shardrun.core.results.Outcome;
import io.shardrun.crd.v1alpha1.Phase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that share a ledger and a history, writing their reports at the same moment from
 * separate processes and from threads of one process: every run's update is kept.
 */
class ConcurrentReportsTest {
  static final int PROCESSES = 3;
  static final int RUNS_EACH = 10;

  @TempDir Path dir;

  /** One process's runs: {@code RUNS_EACH} reports of one file, written back to back. */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String name = args[1];
    for (int run = 0; run < RUNS_EACH; run++) {
      writeRun(dir, name + "-" + run);
    }
  }

  static void writeRun(Path dir, String runId) throws Exception {
    FileRun passed = new FileRun("shop/cart.json", "cart", 0, Outcome.PASSED, 1000, 1, List.of(), null, null, List.of(), 0);
    String now = Instant.now().toString();
    LocalReports.write(dir.resolve(runId), new LocalReports.RunResults(runId, Phase.Succeeded, now, now, List.of(), List.of(passed)),
        dir.resolve("junit.xml"), dir.resolve("ledger.tsv"), dir.resolve("history.json"));
  }

  @Test
  void processesWritingAtOnceKeepEveryUpdate() throws Exception {
    List<Process> processes = new ArrayList<>();
    for (int p = 0; p < PROCESSES; p++) {
      processes.add(new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
          "-cp", System.getProperty("java.class.path"), ConcurrentReportsTest.class.getName(), dir.toString(), "p" + p)
          .redirectErrorStream(true).redirectOutput(dir.resolve("p" + p + ".log").toFile()).start());
    }
    for (Process process : processes) {
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(Files.readString(dir.resolve("p" + processes.indexOf(process) + ".log"))).isZero();
    }

    assertEveryRunKept(PROCESSES * RUNS_EACH);
  }

  @Test
  void threadsWritingAtOnceKeepEveryUpdate() throws Exception {
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int t = 0; t < PROCESSES; t++) {
      String name = "t" + t;
      Thread thread = new Thread(() -> {
        try {
          main(new String[] {dir.toString(), name});
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(failures).isEmpty();
    assertEveryRunKept(PROCESSES * RUNS_EACH);
  }

  private void assertEveryRunKept(int runs) throws Exception {
    List<LedgerEntry> ledger = Ledger.parse(Files.readString(dir.resolve("ledger.tsv")), "ledger");
    assertThat(ledger).extracting(LedgerEntry::runId).doesNotHaveDuplicates().hasSize(runs);
    List<RunRecord> history = HistoryCodec.read(Files.readString(dir.resolve("history.json")), "history")
        .files().get("shop/cart.json");
    assertThat(history).hasSize(runs);
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).as("no temporary file left").noneMatch(n -> n.endsWith(".tmp"));
    }
  }
}
