package io.shardrun.executor.publish;

import io.shardrun.core.results.ResultsDocument;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Publishes progress at most once per {@code interval}, however fast files finish, so a shard of
 * many short files does not flood the API server; {@link #updateNow} skips the wait, and
 * {@link #finish} publishes the last document at once and reports whether it got through. A failed progress update is a warning and is retried
 * with the next one: the final document is what counts.
 */
public final class DebouncedPublisher implements AutoCloseable {
  private static final int FINAL_ATTEMPTS = 5;

  private final ResultPublisher target;
  private final Consumer<String> warnings;
  private final AtomicReference<ResultsDocument> pending = new AtomicReference<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "shardrun-result-publisher");
    t.setDaemon(true);
    return t;
  });

  /** @param warnings told each failed attempt, in words, while publishing goes on */
  public DebouncedPublisher(ResultPublisher target, Duration interval, Consumer<String> warnings) {
    this.target = target;
    this.warnings = warnings;
    timer.scheduleWithFixedDelay(this::flushPending, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Queues {@code document}, replacing any not yet published. */
  public void update(ResultsDocument document) {
    pending.set(document);
  }

  /**
   * Queues {@code document} like {@link #update} and publishes it at once, on the publisher's own
   * thread so the caller does not wait on the API server: for what must not wait for the interval
   * (a dynamic shard's ask for its next batch). A failure is retried at the next interval.
   */
  public void updateNow(ResultsDocument document) {
    pending.set(document);
    timer.execute(this::flushPending);
  }

  private synchronized void flushPending() {
    ResultsDocument document = pending.getAndSet(null);
    if (document != null) {
      try {
        target.publish(document);
      } catch (RuntimeException e) {
        pending.compareAndSet(null, document);
        warnings.accept("publishing shard progress failed, will retry: " + e.getMessage());
      }
    }
  }

  /**
   * Publishes the final document now, after any progress in flight, retrying a few times with a
   * warning for each failed attempt but the last.
   *
   * @throws RuntimeException the last attempt's failure, when none got through
   */
  public synchronized void finish(ResultsDocument document) {
    timer.shutdownNow();
    pending.set(null);
    for (int attempt = 1; ; attempt++) {
      try {
        target.publish(document);
        return;
      } catch (RuntimeException e) {
        if (attempt == FINAL_ATTEMPTS || !backOff(attempt)) {
          throw e;
        }
        warnings.accept("publishing the final results failed (attempt " + attempt + " of " + FINAL_ATTEMPTS + "), will retry: "
            + e.getMessage());
      }
    }
  }

  /** Waits longer after each failed attempt; false when interrupted, which ends the retries. */
  private static boolean backOff(int attempt) {
    try {
      Thread.sleep(200L * attempt);
      return true;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
