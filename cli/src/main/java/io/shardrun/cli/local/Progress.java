package io.shardrun.cli.local;

import io.shardrun.core.Durations;
import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.Outcome;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The live progress of a local run: files done of total, passed, failed, elapsed and ETA. On a
 * terminal one line is redrawn in place; elsewhere (CI logs) each finished file prints a line.
 */
public final class Progress {
  private final PrintWriter out;
  private final boolean terminal;
  private final int total;
  private final LongSupplier clockMs;
  private final long startMs;
  private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
  private int done;

  public Progress(PrintWriter out, boolean terminal, int total, LongSupplier clockMs) {
    this.out = out;
    this.terminal = terminal;
    this.total = total;
    this.clockMs = clockMs;
    this.startMs = clockMs.getAsLong();
  }

  /** Called from worker threads as each file finishes. */
  public synchronized void finished(FileRun run) {
    done++;
    counts.merge(run.status(), 1, Integer::sum);
    if (terminal) {
      out.print("\r" + line() + "\u001b[K");
    } else {
      out.println(line() + "  " + run.status().label() + " " + run.file());
    }
    out.flush();
  }

  /** Ends the in-place line so what follows starts on its own line. */
  public synchronized void close() {
    if (terminal && done > 0) {
      out.println();
      out.flush();
    }
  }

  synchronized String line() {
    long elapsed = clockMs.getAsLong() - startMs;
    String eta = done == 0 || done == total ? "-" : Durations.format(elapsed * (total - done) / done);
    return String.format("[%d/%d] passed %d, failed %d, skipped %d, errors %d | elapsed %s, ETA %s",
        done, total, count(Outcome.PASSED), count(Outcome.FAILED), count(Outcome.SKIPPED), count(Outcome.ERROR),
        Durations.format(elapsed), eta);
  }

  private int count(Outcome outcome) {
    return counts.getOrDefault(outcome, 0);
  }
}
