package io.shardrun.executor.event;

import io.shardrun.core.action.EventRules;
import io.shardrun.core.results.Event;
import io.shardrun.executor.step.ErrorText;
import io.shardrun.executor.step.StepFailedException;
import io.shardrun.executor.step.StepRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * One file's {@code publishEvent} and {@code waitForEvent} steps on the run's {@link EventBus}:
 * it keeps what the file published, for its results, and holds the limits that keep a shard's
 * events small enough for its result annotation.
 */
public final class FileEvents implements StepRunner.EventSteps {
  /** How many of the values seen on a topic a failed wait names: the latest. */
  private static final int SEEN_SHOWN = 5;

  private final EventBus bus;
  private final String file;
  private final int shard;
  private final AtomicInteger shardPublished;
  private final List<Event> published = new ArrayList<>();

  /**
   * @param file the file's run name ({@code PATH#VARIANT} in a variant)
   * @param shardPublished how many events the shard's files published so far, shared by them
   */
  public FileEvents(EventBus bus, String file, int shard, AtomicInteger shardPublished) {
    this.bus = bus;
    this.file = file;
    this.shard = shard;
    this.shardPublished = shardPublished;
  }

  /** The events the file published, in order. */
  public List<Event> published() {
    return List.copyOf(published);
  }

  @Override
  public String publish(String topic, String value) {
    if (value.length() > EventRules.MAX_VALUE_CHARS) {
      throw new StepFailedException("the value has " + value.length() + " characters; an event's value has at most "
          + EventRules.MAX_VALUE_CHARS);
    }
    if (published.size() >= EventRules.MAX_PER_FILE) {
      throw new StepFailedException("the file published " + EventRules.MAX_PER_FILE + " events already, the most a file may");
    }
    if (shardPublished.incrementAndGet() > EventRules.MAX_PER_SHARD) {
      shardPublished.decrementAndGet();
      throw new StepFailedException("the shard's files published " + EventRules.MAX_PER_SHARD + " events already, the most a shard may");
    }
    Event event = new Event(topic, value, file, shard, System.currentTimeMillis());
    bus.publish(event);
    published.add(event);
    return value;
  }

  @Override
  public String await(String topic, Pattern pattern, String written, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    long offset = 0; // from the start: an event published before the wait counts
    List<String> seen = new ArrayList<>();
    String failure = null;
    while (true) {
      try {
        EventBus.Page page = bus.read(offset);
        offset = page.next();
        failure = null;
        for (Event e : page.events()) {
          if (e.topic().equals(topic)) {
            if (pattern.matcher(e.value()).matches()) {
              return e.value();
            }
            seen.add(e.value());
          }
        }
      } catch (RuntimeException e) {
        failure = ErrorText.of(e); // the next read may succeed
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new StepFailedException(noEvent(topic, written, wait, seen) + (failure == null ? "" : "; the last read failed: " + failure));
      }
      sleep(Math.min(left, bus.pollInterval().toNanos()));
    }
  }

  /** {@code no event on T matching 'P' within 5 s (events seen on T: 'a', 'b')}. */
  static String noEvent(String topic, String written, Duration wait, List<String> seen) {
    String matching = written.isEmpty() ? "" : " matching '" + written + "'";
    String values = seen.isEmpty() ? "none"
        : (seen.size() > SEEN_SHOWN ? "... " : "") + String.join(", ", seen.subList(Math.max(0, seen.size() - SEEN_SHOWN), seen.size())
            .stream().map(v -> "'" + v + "'").toList());
    return "no event on " + topic + matching + " within " + StepRunner.seconds(wait) + " (events seen on " + topic + ": " + values + ")";
  }

  /** Waits; an interrupt (the file's alarm) ends the step. */
  private static void sleep(long nanos) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepFailedException("interrupted");
    }
  }
}
