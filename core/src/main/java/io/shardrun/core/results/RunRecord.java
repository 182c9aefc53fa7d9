package io.shardrun.core.results;

import io.shardrun.core.variant.VariantIds;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A finished cluster run's results, every file with its shard, as the operator keeps them in key
 * {@value #KEY} of ConfigMap {@code NAME-results} after the run ends. They outlive the run's Jobs
 * and pods and are what {@code shardrun results} and {@code submit --wait} write JUnit XML and
 * reports from. The wire form is {@link RunRecordCodec}'s; docs/results-format.md describes it.
 *
 * @param version always {@value ResultsDocument#VERSION}
 * @param run the TestRun's name
 * @param phase {@code Succeeded}, {@code Failed} or {@code Error}
 * @param startedAt when the run started (RFC 3339); null when no shard ever started
 * @param finishedAt when it finished (RFC 3339)
 * @param flaky the run's files the suite's history shows as flaky
 * @param files every file that has a result, by shard, in each shard's run order
 */
@JsonPropertyOrder({"version", "run", "phase", "startedAt", "finishedAt", "flaky", "files"})
public record RunRecord(
    @JsonProperty(required = true) int version,
    @JsonProperty(required = true) String run,
    @JsonProperty(required = true) String phase,
    String startedAt,
    @JsonProperty(required = true) String finishedAt,
    List<String> flaky,
    @JsonProperty(required = true) List<Entry> files) {
  /** The key of ConfigMap NAME-results that holds it. */
  public static final String KEY = "results";

  public RunRecord {
    flaky = flaky == null ? List.of() : List.copyOf(flaky);
    files = List.copyOf(files);
  }

  public RunRecord(String run, String phase, String startedAt, String finishedAt, List<String> flaky, List<Entry> files) {
    this(ResultsDocument.VERSION, run, phase, startedAt, finishedAt, flaky, files);
  }

  /**
   * One file's result.
   *
   * @param startedMs when it started, ms since the epoch; null when unknown
   * @param attempts how many times it ran, when more than once; null for once
   * @param message what went wrong, cut as the record's size needs; null when it passed
   * @param events the events it published (left out when none; absent in records written before events)
   */
  @JsonPropertyOrder({"file", "shard", "status", "startedMs", "durationMs", "attempts", "tags", "failedStep", "message", "events"})
  public record Entry(
      @JsonProperty(required = true) String file,
      @JsonProperty(required = true) int shard,
      @JsonProperty(required = true) Outcome status,
      Long startedMs,
      long durationMs,
      Integer attempts,
      List<String> tags,
      Integer failedStep,
      String message,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Event> events) {

    public Entry {
      events = events == null ? List.of() : List.copyOf(events);
    }

    /** An entry that published no event. */
    public Entry(String file, int shard, Outcome status, Long startedMs, long durationMs, Integer attempts, List<String> tags,
        Integer failedStep, String message) {
      this(file, shard, status, startedMs, durationMs, attempts, tags, failedStep, message, List.of());
    }

    public static Entry of(int shard, FileResult result) {
      return new Entry(result.file(), shard, result.status(), result.startedMs(), result.durationMs(), result.attempts(),
          result.tags(), result.failedStep(), result.message(), result.events());
    }

    /**
     * As a local run's file: named by its path (a cluster run does not keep meta.name), and its
     * variant, with no step records.
     */
    public FileRun toFileRun() {
      return new FileRun(file, VariantIds.name(VariantIds.path(file), file), shard, status, durationMs, attempts == null ? 1 : attempts, tags == null ? List.of() : tags,
          failedStep, message, List.of(), startedMs == null ? 0 : startedMs, events);
    }

    /** The same entry with its message cut to {@code chars} characters; none at 0. */
    Entry withMessageCut(int chars) {
      return new Entry(file, shard, status, startedMs, durationMs, attempts, tags, failedStep,
          chars == 0 ? null : Text.truncate(message, chars), events);
    }
  }

  RunRecord withMessagesCut(int chars) {
    return new RunRecord(version, run, phase, startedAt, finishedAt, flaky, files.stream().map(e -> e.withMessageCut(chars)).toList());
  }

  /** Every file as a local run's file, for JUnit XML and reports. */
  public List<FileRun> fileRuns() {
    return files.stream().map(Entry::toFileRun).toList();
  }
}
