package io.shardrun.executor.run;

import io.shardrun.executor.browser.BrowserSession;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stops an attempt at its time limit, whatever its page does. When it fires it records why,
 * interrupts the worker (the JDK's HTTP client gives up on a WebDriver call at an interrupt, and
 * a pause ends) and aborts the session, so that the browser stops even when a hung page holds
 * the driver.
 */
final class Alarm implements AutoCloseable {
  private final AtomicReference<String> reason = new AtomicReference<>();
  private final ScheduledFuture<?> fire;

  /**
   * Arms an alarm for the calling thread's attempt.
   *
   * @param why what a stopped step says, e.g. "timed out after 20 s (...)"
   */
  Alarm(ScheduledExecutorService watchdog, Duration after, String why, BrowserSession session) {
    Thread worker = Thread.currentThread();
    fire = watchdog.schedule(() -> {
      reason.set(why);
      worker.interrupt();
      session.abort();
    }, after.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Why the attempt was stopped, or null while it is within its limit. */
  String fired() {
    return reason.get();
  }

  /**
   * Disarms it. One that fired is waited for, so that its abort is over before the session
   * closes, and its interrupt is cleared: it must not reach the worker's next file.
   */
  @Override
  public void close() {
    boolean over = fire.cancel(false);
    while (!over) {
      try {
        fire.get();
        over = true;
      } catch (InterruptedException e) {
        // Its own interrupt of this thread, which it sends before aborting: wait on.
      } catch (ExecutionException | CancellationException e) {
        over = true; // its outcome does not matter, only that it is over
      }
    }
    Thread.interrupted();
  }
}
