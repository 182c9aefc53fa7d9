package io.shardrun.core.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A local run's event log: newline-delimited JSON, one {@link Event} per line, appended by every
 * worker of the run. A reader takes complete lines only (a line being appended is left for its
 * next read), and passes over a line that is no event: one torn by a writer that died mid-line.
 */
public final class EventLines {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private EventLines() {}

  /**
   * What a read found.
   *
   * @param events the events of the complete lines, in order
   * @param consumed how many bytes those lines take, torn ones included: where the next read starts
   */
  public record Read(List<Event> events, int consumed) {}

  /** The line for {@code event}, its newline included. */
  public static String line(Event event) {
    try {
      return MAPPER.writeValueAsString(event) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The events of the complete lines of {@code bytes}, read from a line's start. */
  public static Read parse(byte[] bytes) {
    List<Event> events = new ArrayList<>();
    int start = 0;
    for (int end = indexOf(bytes, start); end >= 0; end = indexOf(bytes, start)) {
      event(Arrays.copyOfRange(bytes, start, end)).ifPresent(events::add);
      start = end + 1;
    }
    return new Read(events, start);
  }

  private static Optional<Event> event(byte[] line) {
    try {
      Event event = MAPPER.readValue(new String(line, StandardCharsets.UTF_8), Event.class);
      return event.topic() == null || event.value() == null || event.file() == null ? Optional.empty() : Optional.of(event);
    } catch (IOException e) {
      return Optional.empty(); // torn or foreign: not an event
    }
  }

  private static int indexOf(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
