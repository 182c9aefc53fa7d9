package io.shardrun.executor.publish;

import io.shardrun.core.results.ResultsDocument;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes progress at most once per {@code interval}, however fast files finish, so a shard of
 * many short files does not flood the API server; {@link #finish} publishes the last document at
 * once and reports whether it got through. A failed progress update is logged and retried with
 * the next one: the final document is what counts.
 */
public final class DebouncedPublisher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DebouncedPublisher.class);

  private final ResultPublisher target;
  private final AtomicReference<ResultsDocument> pending = new AtomicReference<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "shardrun-result-publisher");
    t.setDaemon(true);
    return t;
  });

  public DebouncedPublisher(ResultPublisher target, Duration interval) {
    this.target = target;
    timer.scheduleWithFixedDelay(this::flushPending, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Queues {@code document}, replacing any not yet published. */
  public void update(ResultsDocument document) {
    pending.set(document);
  }

  private synchronized void flushPending() {
    ResultsDocument document = pending.getAndSet(null);
    if (document != null) {
      try {
        target.publish(document);
      } catch (RuntimeException e) {
        pending.compareAndSet(null, document);
        LOG.warn("publishing shard progress failed, will retry: {}", e.getMessage());
      }
    }
  }

  /**
   * Publishes the final document now (retrying a few times), after any progress in flight.
   *
   * @throws RuntimeException when it could not be published
   */
  public synchronized void finish(ResultsDocument document) {
    timer.shutdownNow();
    pending.set(null);
    RuntimeException last = null;
    for (int attempt = 1; attempt <= 5; attempt++) {
      try {
        target.publish(document);
        return;
      } catch (RuntimeException e) {
        last = e;
        LOG.warn("publishing the final results failed (attempt {} of 5): {}", attempt, e.getMessage());
        try {
          Thread.sleep(200L * attempt); // back off before retrying the API server
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    throw last;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
