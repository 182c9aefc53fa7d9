package io.shardrun.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A recorded test-duration trace: {@code {"durations": {"<id>": seconds, ...}, "unit": ...}}, as
 * described in the shared traces' README. Other top-level fields are ignored.
 *
 * @param name the file name, for the table
 * @param ids the items' ids, in file order
 * @param ms each item's duration in milliseconds (rounded), by the same index as {@code ids}
 */
record DurationTrace(String name, List<String> ids, long[] ms) {
  /** A billion seconds: far above any real test, far below a long overflow when summed. */
  static final double MAX_SECONDS = 1e9;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  /** @throws CliException naming the file and what was expected */
  static DurationTrace read(Path file) {
    String json = RunInputs.read(file, "trace");
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new CliException(file + ": not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr() + ")"));
    }
    JsonNode durations = root == null ? null : root.get("durations");
    if (durations == null || !durations.isObject() || durations.isEmpty()) {
      throw new CliException(file + ": expected a JSON object with a non-empty \"durations\" object"
          + " ({\"durations\": {\"<id>\": seconds, ...}})");
    }
    List<String> ids = new ArrayList<>();
    long[] ms = new long[durations.size()];
    for (Map.Entry<String, JsonNode> item : durations.properties()) {
      JsonNode seconds = item.getValue();
      if (!seconds.isNumber() || !(seconds.asDouble() >= 0) || seconds.asDouble() > MAX_SECONDS) {
        throw new CliException(file + ": durations." + item.getKey() + ": expected a number of seconds from 0 to "
            + (long) MAX_SECONDS + ", got " + seconds);
      }
      ms[ids.size()] = Math.round(seconds.asDouble() * 1000);
      ids.add(item.getKey());
    }
    return new DurationTrace(file.getFileName().toString(), List.copyOf(ids), ms);
  }

  long longestMs() {
    return Arrays.stream(ms).max().orElse(0);
  }
}
