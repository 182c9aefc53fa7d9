package io.shardrun.core.report;

import io.shardrun.core.results.Outcome;
import java.util.List;

/**
 * One selected file of a run, as a report shows it.
 *
 * @param file suite-relative path, e.g. {@code shop/checkout.json}
 * @param shard the shard it ran on, from 0
 * @param status how it ended
 * @param startMs when it started, in ms since the run's start; null when unknown, and then the
 *     timeline has no bar for it
 * @param durationMs how long it ran, all attempts
 * @param attempts how many times it ran, at least 1
 * @param tags meta.tags
 * @param failedStep index of the step that failed; null if none
 * @param message the failure; null when it passed
 * @param screenshot the failure's screenshot: a {@code /}-separated path relative to the report
 *     file, or an absolute {@code http}, {@code https} or {@code file} URL; null if none
 */
public record ReportFile(
    String file,
    int shard,
    Outcome status,
    Long startMs,
    long durationMs,
    int attempts,
    List<String> tags,
    Integer failedStep,
    String message,
    String screenshot) {}
