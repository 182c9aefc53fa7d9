package io.shardrun.core.results;

import java.util.List;

/**
 * A file's step records as plain text, for the body of a JUnit failure or a passed test's output:
 * what a CI page shows when someone asks "which step, and what did the browser see?". One line
 * per step, Selenium IDE's columns separated by {@code |}, then what was observed and the error,
 * indented:
 *
 * <pre>
 * [3] steps[3]: assertText | css=.total | $42.00 -&gt; failed in 105 ms
 *     observed: $41.00
 *     error: expected "$42.00", saw "$41.00"
 * </pre>
 *
 * A step that led to a new page (in a suite with budgets.json) adds a {@code page:} line with
 * its metrics, and one {@code warning:} line per budget warning.
 */
final class StepLog {
  private static final String INDENT = "    ";

  private StepLog() {}

  static String of(List<StepRecord> steps) {
    StringBuilder log = new StringBuilder();
    for (StepRecord step : steps) {
      log.append('[').append(step.index()).append("] ").append(step.origin()).append(": ").append(step.command());
      boolean hasValue = step.value() != null && !step.value().isEmpty();
      if (hasValue || (step.target() != null && !step.target().isEmpty())) {
        log.append(" | ").append(step.target() == null ? "" : step.target());
      }
      if (hasValue) {
        log.append(" | ").append(step.value());
      }
      log.append(" -> ").append(name(step.status())).append(" in ").append(step.durationMs()).append(" ms\n");
      if (step.observed() != null) {
        log.append(INDENT).append("observed: ").append(indented(step.observed())).append('\n');
      }
      if (step.error() != null) {
        log.append(INDENT).append("error: ").append(indented(step.error())).append('\n');
      }
      if (step.metrics() != null) {
        log.append(INDENT).append("page: ").append(step.metrics().url())
            .append(step.metrics().route() == null ? "" : " (route " + step.metrics().route() + ")")
            .append(": ").append(step.metrics().describe()).append('\n');
      }
      step.warnings().forEach(w -> log.append(INDENT).append("warning: ").append(indented(w)).append('\n'));
    }
    return log.toString();
  }

  /** Continuation lines indented too, so a multi-line error still reads as part of its step. */
  private static String indented(String text) {
    return text.replace("\n", "\n" + INDENT);
  }

  /** The status as the JSON reports spell it. */
  private static String name(StepStatus status) {
    return switch (status) {
      case PASSED -> "passed";
      case FAILED -> "failed";
      case ERROR -> "error";
      case NOT_RUN -> "notRun";
    };
  }
}
