package io.shardrun.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads what a `shardrun run` left in its --out folder. */
final class RunOutput {
  private RunOutput() {}

  /** The only run folder under {@code out} (each test run gets its own --out). */
  static Path runDir(Path out) {
    try (Stream<Path> runs = Files.list(out)) {
      List<Path> dirs = runs.filter(Files::isDirectory).toList();
      if (dirs.size() != 1) {
        throw new AssertionError("expected one run folder in " + out + ", found " + dirs);
      }
      return dirs.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The run's results.json. */
  static JsonNode results(Path out) {
    try {
      return new ObjectMapper().readTree(runDir(out).resolve("results.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each file of the run and how it ended, in run order. */
  static Map<String, String> statuses(Path out) {
    Map<String, String> statuses = new LinkedHashMap<>();
    results(out).get("files").forEach(f -> statuses.put(f.get("file").asText(), f.get("status").asText()));
    return statuses;
  }

  /** One file's record in results.json. */
  static JsonNode file(Path out, String path) {
    for (JsonNode f : results(out).get("files")) {
      if (f.get("file").asText().equals(path)) {
        return f;
      }
    }
    throw new AssertionError(path + " is not in the results of " + out);
  }
}
