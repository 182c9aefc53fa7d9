package io.shardrun.core.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How one action file ended in a run: an entry of the results document a shard publishes.
 *
 * @param file suite-relative path
 * @param status how it ended
 * @param durationMs how long it ran (0 when skipped)
 * @param tags its meta.tags, for per-tag counts; null when unknown (a document in the compact
 *     form leaves them out: look them up in the suite)
 * @param failedStep index of the step that failed, after template expansion; null if none
 * @param message what went wrong (truncated); null when it passed
 * @param startedMs when it started, in milliseconds since the epoch; null when unknown (a document
 *     written before this field, or a compact one without start times)
 * @param attempts how many times it ran, when more than once (an infrastructure error was
 *     retried); null for once, or not run
 * @param events the events it published, in order (left out of JSON when none). A results
 *     document carries them once, in its own {@code events} list, and gives them back here
 */
public record FileResult(String file, Outcome status, long durationMs, List<String> tags, Integer failedStep, String message,
    Long startedMs, Integer attempts, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Event> events) {
  public FileResult {
    events = events == null ? List.of() : List.copyOf(events);
  }

  /** A result with no start time, run once. */
  public FileResult(String file, Outcome status, long durationMs, List<String> tags, Integer failedStep, String message) {
    this(file, status, durationMs, tags, failedStep, message, null, null, List.of());
  }

  /** A result that published no event. */
  public FileResult(String file, Outcome status, long durationMs, List<String> tags, Integer failedStep, String message,
      Long startedMs, Integer attempts) {
    this(file, status, durationMs, tags, failedStep, message, startedMs, attempts, List.of());
  }

  /** The same result with {@code tags}. */
  public FileResult withTags(List<String> tags) {
    return new FileResult(file, status, durationMs, tags, failedStep, message, startedMs, attempts, events);
  }

  /** The same result with {@code events}. */
  public FileResult withEvents(List<Event> events) {
    return new FileResult(file, status, durationMs, tags, failedStep, message, startedMs, attempts, events);
  }

  /** The same result with its message cut to {@code chars} characters. */
  FileResult withMessageCut(int chars) {
    return new FileResult(file, status, durationMs, tags, failedStep, Text.truncate(message, chars), startedMs, attempts, events);
  }
}
