package io.shardrun.core.results;

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
 */
public record FileResult(String file, Outcome status, long durationMs, List<String> tags, Integer failedStep, String message) {}
