package io.shardrun.executor.event;

import io.shardrun.core.results.Event;
import java.time.Duration;
import java.util.List;

/**
 * Where a run's cross-shard events go and come from: a log every shard appends to and reads,
 * so an event published before a wait started counts. {@code waitForEvent} polls it.
 */
public interface EventBus {
  /** How often a waiting step reads the bus, unless it says otherwise. */
  Duration POLL = Duration.ofMillis(200);

  /** Appends {@code event}; the publishing shard sees it at its next read. */
  void publish(Event event);

  /**
   * The events from {@code offset} on; 0 reads them all.
   *
   * @return them, and the offset the next read starts from
   * @throws RuntimeException when the bus cannot be read now; a later read may succeed
   */
  Page read(long offset);

  /** How often a waiting step reads it. */
  default Duration pollInterval() {
    return POLL;
  }

  /** Events read, and where the next read starts. */
  record Page(List<Event> events, long next) {}
}
