package io.shardrun.executor.event;

import io.shardrun.core.results.Event;
import io.shardrun.core.results.RelayedEvents;
import io.shardrun.executor.publish.OwnPodAnnotations;
import io.shardrun.executor.publish.PublishException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A shard pod's events. The executor may write nothing but its own pod's result annotation: the
 * shard's own events go into its results document (through {@code published}), the operator
 * relays every shard's into annotation {@value RelayedEvents#ANNOTATION} on each pod, and a read
 * gets the own pod. The shard's own events count at once. Offsets index the events in the order
 * this bus first saw them, so a relayed list that drops its oldest entries moves no offset.
 */
public final class PodEventBus implements EventBus {
  /** Each read is a GET of the pod: once a second per waiting step is the API server's share. */
  static final Duration POD_POLL = Duration.ofSeconds(1);

  private final OwnPodAnnotations pod;
  private final Consumer<Event> published;
  private final List<Event> log = new ArrayList<>();
  private final Set<Event> seen = new HashSet<>();

  /** @param published told each event this shard publishes, to put it in the shard's results document */
  public PodEventBus(OwnPodAnnotations pod, Consumer<Event> published) {
    this.pod = pod;
    this.published = published;
  }

  @Override
  public void publish(Event event) {
    synchronized (this) {
      add(List.of(event));
    }
    published.accept(event);
  }

  /**
   * @throws PublishException when the pod cannot be read
   * @throws IllegalArgumentException naming the pod and annotation when the annotation holds no events
   */
  @Override
  public synchronized Page read(long offset) {
    add(relayed());
    return new Page(List.copyOf(log.subList((int) offset, log.size())), log.size());
  }

  @Override
  public Duration pollInterval() {
    return POD_POLL;
  }

  private void add(List<Event> events) {
    for (Event e : events) {
      if (seen.add(e)) {
        log.add(e);
      }
    }
  }

  private List<Event> relayed() {
    String value = pod.get(RelayedEvents.ANNOTATION);
    return value == null ? List.of() : RelayedEvents.decode(value, pod.describe() + " annotation " + RelayedEvents.ANNOTATION);
  }
}
