package io.shardrun.core.results;

/**
 * One line of a {@link Ledger}: how one file ended in one run.
 *
 * @param runId the run it belongs to
 * @param at when the results were recorded, ISO-8601 with an offset
 * @param file suite-relative path
 * @param status how it ended
 * @param durationMs how long it ran
 */
public record LedgerEntry(String runId, String at, String file, Outcome status, long durationMs) {}
