package io.shardrun.cli.local;

import io.shardrun.core.Durations;
import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.Outcome;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The live progress of a run, local or followed in a cluster: files done of total, passed,
 * failed, elapsed and ETA. On a terminal one line is redrawn in place; elsewhere (CI logs) each
 * finished file prints a line.
 *
 * <p>With the plan's estimates, the ETA is the estimated work left, spread over the shards that
 * run at once, scaled by how the finished files' durations compared to their estimates; without
 * them, the time so far per finished file times the files left.
 */
public final class Progress {
  private final PrintWriter out;
  private final boolean terminal;
  private final int total;
  private final LongSupplier clockMs;
  private final long startMs;
  private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
  private final Map<String, Long> estimatesMs;
  private final int parallel;
  private final long estimatedTotalMs;
  private long estimatedDoneMs;
  private long actualDoneMs;
  private int done;

  /** Progress with an ETA from the rate files finish at. */
  public Progress(PrintWriter out, boolean terminal, int total, LongSupplier clockMs) {
    this(out, terminal, total, clockMs, Map.of(), 1);
  }

  /**
   * @param estimatesMs each planned file's estimated duration
   * @param parallel how many shards run at once
   */
  public Progress(PrintWriter out, boolean terminal, int total, LongSupplier clockMs, Map<String, Long> estimatesMs, int parallel) {
    this.out = out;
    this.terminal = terminal;
    this.total = total;
    this.clockMs = clockMs;
    this.startMs = clockMs.getAsLong();
    this.estimatesMs = Map.copyOf(estimatesMs);
    this.parallel = Math.max(1, parallel);
    this.estimatedTotalMs = estimatesMs.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Called from worker threads as each file finishes. */
  public synchronized void finished(FileRun run) {
    done++;
    counts.merge(run.status(), 1, Integer::sum);
    Long estimate = estimatesMs.get(run.file());
    if (estimate != null && estimate > 0) {
      estimatedDoneMs += estimate;
      actualDoneMs += run.durationMs();
    }
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
    String eta = done == 0 || done == total ? "-" : Durations.format(etaMs(elapsed));
    return String.format("[%d/%d] passed %d, failed %d, skipped %d, errors %d | elapsed %s, ETA %s",
        done, total, count(Outcome.PASSED), count(Outcome.FAILED), count(Outcome.SKIPPED), count(Outcome.ERROR),
        Durations.format(elapsed), eta);
  }

  private long etaMs(long elapsed) {
    if (estimatedDoneMs == 0) {
      return elapsed * (total - done) / done;
    }
    double pace = (double) actualDoneMs / estimatedDoneMs;
    return Math.round(Math.max(0, estimatedTotalMs - estimatedDoneMs) * pace / parallel);
  }

  private int count(Outcome outcome) {
    return counts.getOrDefault(outcome, 0);
  }
}
