package io.shardrun.core.results;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A shard's totals, carried in its results document even when the per-file entries are compacted,
 * so the operator's summary never depends on how much detail fitted.
 *
 * @param files how many files the shard's plan lists (finished or not)
 * @param passed finished files that passed
 * @param failed finished files that failed
 * @param skipped files skipped because an upstream file did not pass
 * @param errored files that ended in an infrastructure error
 * @param durationMs how long the shard has been running its files
 */
public record ShardCounts(
    @JsonProperty(required = true) int files,
    @JsonProperty(required = true) int passed,
    @JsonProperty(required = true) int failed,
    @JsonProperty(required = true) int skipped,
    @JsonProperty(required = true) int errored,
    @JsonProperty(required = true) long durationMs) {

  /** Counts {@code finished} by outcome, for a shard whose plan lists {@code planned} files. */
  public static ShardCounts tally(int planned, List<FileResult> finished, long durationMs) {
    int[] byOutcome = new int[Outcome.values().length];
    finished.forEach(r -> byOutcome[r.status().ordinal()]++);
    return new ShardCounts(planned, byOutcome[Outcome.PASSED.ordinal()], byOutcome[Outcome.FAILED.ordinal()],
        byOutcome[Outcome.SKIPPED.ordinal()], byOutcome[Outcome.ERROR.ordinal()], durationMs);
  }
}
