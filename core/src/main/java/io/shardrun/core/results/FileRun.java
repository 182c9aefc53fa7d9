package io.shardrun.core.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Everything known about one action file's run: its result plus the step records, for local
 * reports (JUnit XML, results JSON). The cluster protocol carries {@link #toResult()} only.
 *
 * @param file suite-relative path
 * @param name meta.name (the path when unset)
 * @param shard the shard it ran on
 * @param status how it ended
 * @param durationMs total time, all attempts
 * @param attempts how many times it ran (more than 1 only after infrastructure errors)
 * @param tags meta.tags
 * @param failedStep index of the step that decided a failure or error; null otherwise
 * @param message the failure: step, locator, expected against observed; or why it was skipped; or,
 *     for a passed variant, how its steps differ from the first variant's
 * @param steps the last attempt's step records (empty when skipped)
 * @param startedMs when its first attempt started (or it was skipped), in milliseconds since the epoch
 * @param events the events it published, all attempts, in order (left out of JSON when none)
 */
public record FileRun(
    String file,
    String name,
    int shard,
    Outcome status,
    long durationMs,
    int attempts,
    List<String> tags,
    Integer failedStep,
    String message,
    List<StepRecord> steps,
    long startedMs,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Event> events) {

  public FileRun {
    events = events == null ? List.of() : List.copyOf(events);
  }

  /** A run that published no event. */
  public FileRun(String file, String name, int shard, Outcome status, long durationMs, int attempts, List<String> tags,
      Integer failedStep, String message, List<StepRecord> steps, long startedMs) {
    this(file, name, shard, status, durationMs, attempts, tags, failedStep, message, steps, startedMs, List.of());
  }

  /** The same run with {@code message}, its outcome unchanged. */
  public FileRun withMessage(String message) {
    return new FileRun(file, name, shard, status, durationMs, attempts, tags, failedStep, message, steps, startedMs, events);
  }

  /** The same run failed at {@code step} with {@code message}. */
  public FileRun failedAt(int step, String message) {
    return new FileRun(file, name, shard, Outcome.FAILED, durationMs, attempts, tags, step, message, steps, startedMs, events);
  }

  public FileResult toResult() {
    return new FileResult(file, status, durationMs, tags, failedStep, message, startedMs, attempts > 1 ? attempts : null, events);
  }
}
