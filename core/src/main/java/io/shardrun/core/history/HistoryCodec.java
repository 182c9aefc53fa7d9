package io.shardrun.core.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.shardrun.core.JsonErrors;

/** JSON form of {@link History}. */
public final class HistoryCodec {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .build();

  private HistoryCodec() {}

  /**
   * Reads a history document.
   *
   * @param source named in the error (a file path or a ConfigMap)
   * @throws IllegalArgumentException naming the source and what is wrong
   */
  public static History read(String json, String source) {
    History history = JsonErrors.read(MAPPER, json, History.class, source + ": not a Shardrun history document");
    if (history.version() != History.VERSION) {
      throw new IllegalArgumentException(source + ": history version " + history.version()
          + " is not supported; expected " + History.VERSION);
    }
    checkRecords(history, source);
    return history;
  }

  /** What the JSON types alone let through: a run with no outcome, a negative duration. */
  private static void checkRecords(History history, String source) {
    history.files().forEach((file, runs) -> {
      String where = source + ": files[\"" + file + "\"]";
      if (runs == null) {
        throw new IllegalArgumentException(where + ": expected a list of runs, found null");
      }
      for (int i = 0; i < runs.size(); i++) {
        RunRecord run = runs.get(i);
        if (run == null || run.outcome() == null) {
          throw new IllegalArgumentException(where + "[" + i + "].outcome: missing; expected passed, failed, skipped or error");
        }
        if (run.durationMs() < 0) {
          throw new IllegalArgumentException(where + "[" + i + "].durationMs: expected milliseconds >= 0, found " + run.durationMs());
        }
      }
    });
  }

  public static String write(History history) {
    try {
      return MAPPER.writeValueAsString(history);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
