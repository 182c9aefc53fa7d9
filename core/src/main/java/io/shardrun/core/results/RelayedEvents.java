package io.shardrun.core.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.shardrun.core.JsonErrors;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;

/**
 * The value of annotation {@value #ANNOTATION} on a shard pod: the events of the run's shards,
 * which the operator relays from their result documents ({@link ResultsDocument#events()}), for
 * the pod's {@code waitForEvent} steps. The executor only reads it; the operator only writes it.
 * It is a JSON list of {@link Event}s, stored as the result annotation is: as is up to 8 KiB,
 * else {@code gz:} + base64(gzip(JSON)). docs/results-format.md describes it.
 */
public final class RelayedEvents {
  /** The pod annotation the operator writes the run's events into. */
  public static final String ANNOTATION = "shardrun.io/events";
  /** The longest value {@link #encode} writes, so the pod's annotations stay far below Kubernetes' 256 KiB. */
  public static final int MAX_VALUE_CHARS = 96 * 1024;
  /** The most JSON a reader inflates a value to. */
  static final int MAX_JSON_BYTES = 4 * 1024 * 1024;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();
  private static final TypeReference<List<Event>> EVENTS = new TypeReference<>() {};

  private RelayedEvents() {}

  /**
   * The annotation value for {@code events}, oldest first by publishing time. When they do not all
   * fit in {@value #MAX_VALUE_CHARS} characters, the oldest are left out: a wait that began long
   * ago has seen them already.
   */
  public static String encode(List<Event> events) {
    List<Event> ordered = events.stream().sorted(Comparator.comparingLong(Event::publishedMs)).toList();
    String all = value(ordered);
    if (all.length() <= MAX_VALUE_CHARS) {
      return all;
    }
    int fits = 0; // the most of the newest events that fit, by bisection: the value grows with the count
    int tooMany = ordered.size();
    while (tooMany - fits > 1) {
      int middle = (fits + tooMany) >>> 1;
      if (value(ordered.subList(ordered.size() - middle, ordered.size())).length() <= MAX_VALUE_CHARS) {
        fits = middle;
      } else {
        tooMany = middle;
      }
    }
    return value(ordered.subList(ordered.size() - fits, ordered.size()));
  }

  /**
   * Reads a value.
   *
   * @param source named in every error: the pod and annotation, say
   * @throws IllegalArgumentException naming {@code source} and what is wrong: bad base64, bad
   *     gzip, oversize or bad JSON, not a list, an event with a field missing or unknown
   */
  public static List<Event> decode(String value, String source) {
    byte[] json = AnnotationText.unwrap(value, MAX_JSON_BYTES, source);
    try {
      List<Event> events = MAPPER.readValue(json, EVENTS);
      if (events == null) {
        throw new IllegalArgumentException(source + ": bad relayed events: expected a list of events, found null");
      }
      for (int i = 0; i < events.size(); i++) {
        Event e = events.get(i);
        if (e == null || e.topic() == null || e.value() == null || e.file() == null) {
          throw new IllegalArgumentException(source + ": bad relayed events: [" + i + "] needs topic, value, file, shard and publishedMs");
        }
      }
      return events;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": bad relayed events: " + JsonErrors.describe(e), e);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": unreadable relayed events: " + e.getMessage(), e);
    }
  }

  private static String value(List<Event> events) {
    try {
      return AnnotationText.wrap(MAPPER.writeValueAsBytes(events));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
