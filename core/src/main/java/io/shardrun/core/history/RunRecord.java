package io.shardrun.core.history;

import io.shardrun.core.results.Outcome;

/**
 * One past run of one file.
 *
 * @param durationMs how long it took
 * @param outcome how it ended
 * @param at when it finished (RFC 3339), for eviction and display
 */
public record RunRecord(long durationMs, Outcome outcome, String at) {}
