package io.shardrun.executor.assignment;

import io.shardrun.core.plan.Assignment;
import io.shardrun.executor.publish.PublishException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Waits for a dynamic shard's next batch by reading its assignment every {@code interval}: the
 * executor may only get its own pod, not watch it. A read that fails is a warning and is tried
 * again, up to the wait's limit: a moment without the API server must not end a shard that is
 * only waiting.
 */
public final class AssignmentWait {
  private final AssignmentSource source;
  private final Duration interval;
  private final Duration limit;
  private final Consumer<String> warnings;

  /** @param warnings told each failed read, in words (once while the same failure repeats) */
  public AssignmentWait(AssignmentSource source, Duration interval, Duration limit, Consumer<String> warnings) {
    this.source = source;
    this.interval = interval;
    this.limit = limit;
    this.warnings = warnings;
  }

  /** What messages name the source by. */
  public String source() {
    return source.name();
  }

  /**
   * The assignment once it holds at least {@code batches} batches or says no more will come.
   *
   * @throws AssignmentException when it is no assignment, or when the limit passes first
   */
  public Assignment until(int batches) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    Assignment last = Assignment.none();
    String failure = null;
    while (true) {
      try {
        last = source.read();
        failure = null;
        if (last.batches().size() >= batches || last.done()) {
          return last;
        }
      } catch (PublishException e) {
        if (!e.getMessage().equals(failure)) {
          warnings.accept(e.getMessage() + "; will retry");
        }
        failure = e.getMessage();
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new AssignmentException(source.name() + " was given no batch " + batches + " within " + limit.toSeconds() + " s: its "
            + Assignment.ANNOTATION + " annotation holds " + count(last.batches().size()) + " and does not say done;"
            + " the operator hands out the batches: check that it is running"
            + (failure == null ? "" : "; the last read failed: " + failure));
      }
      Thread.sleep(interval.toMillis());
    }
  }

  private static String count(int batches) {
    return batches == 0 ? "no batch" : batches == 1 ? "1 batch" : batches + " batches";
  }
}
