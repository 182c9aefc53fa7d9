package io.shardrun.core.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What happened at one step.
 *
 * @param index position in the file's expanded steps, from 0
 * @param origin where it was written ({@code steps[3]}, or inside a template call)
 * @param command the command name
 * @param target the target as written, before variable substitution, so a secret passed as
 *     ${VARIABLE} never reaches a report
 * @param value the value as written, likewise
 * @param status how it ended
 * @param durationMs how long it took
 * @param observed what the browser showed, where the command reads something (text, value,
 *     title, URL); null otherwise
 * @param error why it failed; null when it passed
 * @param metrics the navigation this step led to, measured when the suite has budgets.json; null
 *     when it led to none (left out of JSON)
 * @param warnings budgets passed in {@code mode: warn}, and budgets that could not be checked
 *     (left out of JSON when none)
 * @param url the page's URL after the step, written from ${BASE_URL} on, in a run with variants (for
 *     the step diff); null otherwise (left out of JSON)
 */
public record StepRecord(
    int index,
    String origin,
    String command,
    String target,
    String value,
    StepStatus status,
    long durationMs,
    String observed,
    String error,
    @JsonInclude(JsonInclude.Include.NON_NULL) PageMetrics metrics,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings,
    @JsonInclude(JsonInclude.Include.NON_NULL) String url) {

  public StepRecord {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** A step that measured no page. */
  public StepRecord(int index, String origin, String command, String target, String value, StepStatus status,
      long durationMs, String observed, String error) {
    this(index, origin, command, target, value, status, durationMs, observed, error, null, List.of(), null);
  }
}
