package io.shardrun.core.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The compact form of a results document on the wire, for shards whose full form would pass
 * {@link ResultsCodec#MAX_JSON_BYTES}. A shard runs its plan in order, so its finished files are
 * the first ones of the plan: they are named by position, and the reader supplies the paths from
 * the plan. Per file it carries one status character and a duration; only files that did not pass
 * get a detail (failed step, message), and tags are left out (the operator takes them from the
 * suite).
 *
 * @param statuses one character per finished file, in plan order: {@code p}assed, {@code f}ailed,
 *     {@code s}kipped, {@code e}rror
 * @param durationsMs one duration per finished file, in plan order
 * @param details for files that did not pass, by increasing index; a file may have none when the
 *     document had no room for it
 * @param pathsDigest {@link #digest} of the finished files' paths: a reader holding another plan
 *     (a changed plan ConfigMap, a wrong shard) refuses the document instead of blaming the wrong
 *     files
 * @param startedMs when the first finished file started (ms since the epoch); null when a file's
 *     start is unknown
 * @param startOffsetsMs each finished file's start after {@code startedMs}, in plan order; null
 *     with it
 * @param events every event the shard published, as in the full form; never cut; null when none
 */
@JsonPropertyOrder({"version", "form", "shard", "state", "counts", "statuses", "durationsMs", "details", "pathsDigest", "wants",
    "startedMs", "startOffsetsMs", "events"})
record CompactResults(
    @JsonProperty(required = true) int version,
    @JsonProperty(required = true) ResultsForm form,
    @JsonProperty(required = true) int shard,
    @JsonProperty(required = true) ShardState state,
    @JsonProperty(required = true) ShardCounts counts,
    @JsonProperty(required = true) String statuses,
    @JsonProperty(required = true) List<Long> durationsMs,
    @JsonProperty(required = true) List<Detail> details,
    @JsonProperty(required = true) String pathsDigest,
    Integer wants,
    Long startedMs,
    List<Long> startOffsetsMs,
    List<Event> events) {

  /**
   * What went wrong with one file.
   *
   * @param index the file's position in the shard's plan
   * @param failedStep as {@link FileResult#failedStep()}; null if none
   * @param message as {@link FileResult#message()}, shortened; null when there was no room
   * @param attempts as {@link FileResult#attempts()}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Detail(@JsonProperty(required = true) int index, Integer failedStep, String message, Integer attempts) {}

  /**
   * The compact form of {@code document} with messages cut to {@code messageChars} characters,
   * details for only the first {@code detailCount} files that did not pass, and the files' start
   * times when {@code withStarts} and every file has one.
   */
  static CompactResults of(ResultsDocument document, int messageChars, int detailCount, boolean withStarts) {
    List<FileResult> files = document.files();
    StringBuilder statuses = new StringBuilder(files.size());
    List<Long> durations = new ArrayList<>(files.size());
    List<Detail> details = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      FileResult r = files.get(i);
      statuses.append(code(r.status()));
      durations.add(r.durationMs());
      if (hasDetail(r) && details.size() < detailCount) {
        details.add(new Detail(i, r.failedStep(), Text.truncate(r.message(), messageChars), r.attempts()));
      }
    }
    boolean timed = withStarts && !files.isEmpty() && files.stream().allMatch(f -> f.startedMs() != null);
    Long first = timed ? files.get(0).startedMs() : null;
    return new CompactResults(document.version(), ResultsForm.COMPACT, document.shard(), document.state(),
        document.counts(), statuses.toString(), durations, details,
        digest(files.stream().map(FileResult::file).toList()), document.wants() == 0 ? null : document.wants(),
        first, timed ? files.stream().map(f -> f.startedMs() - first).toList() : null,
        document.events().isEmpty() ? null : document.events());
  }

  /** How many files of {@code document} could carry a detail: those that did not pass and have one. */
  static int detailCandidates(ResultsDocument document) {
    return (int) document.files().stream().filter(CompactResults::hasDetail).count();
  }

  private static boolean hasDetail(FileResult r) {
    return r.attempts() != null || r.status() != Outcome.PASSED && (r.failedStep() != null || r.message() != null);
  }

  /**
   * The document, its files named after {@code planFiles}; tags are empty.
   *
   * @throws IllegalArgumentException naming {@code source} when a field is missing or does not fit
   *     the plan
   */
  ResultsDocument toDocument(List<String> planFiles, String source) {
    ResultsCodec.require(state, "state", source);
    ResultsCodec.require(counts, "counts", source);
    ResultsCodec.require(statuses, "statuses", source);
    ResultsCodec.require(durationsMs, "durationsMs", source);
    ResultsCodec.require(details, "details", source);
    int finished = statuses.length();
    if (finished > planFiles.size()) {
      throw new IllegalArgumentException(source + ": compact statuses cover " + finished
          + " files but the shard's plan lists " + planFiles.size());
    }
    if (durationsMs.size() != finished) {
      throw new IllegalArgumentException(source + ": compact durationsMs has " + durationsMs.size()
          + " entries for " + finished + " statuses");
    }
    List<String> paths = planFiles.subList(0, finished);
    if (!digest(paths).equals(pathsDigest)) {
      throw new IllegalArgumentException(source + ": compact results were written for other files than the first "
          + finished + " of the shard's plan (pathsDigest " + pathsDigest + ", plan gives " + digest(paths) + ")");
    }
    Detail[] byIndex = detailsByIndex(finished, source);
    if (startOffsetsMs != null && (startedMs == null || startOffsetsMs.size() != finished)) {
      throw new IllegalArgumentException(source + ": compact startOffsetsMs has " + startOffsetsMs.size() + " entries for "
          + finished + " statuses" + (startedMs == null ? ", and no startedMs" : ""));
    }
    List<FileResult> files = new ArrayList<>(finished);
    for (int i = 0; i < finished; i++) {
      Outcome status = outcome(statuses.charAt(i));
      if (status == null) {
        throw new IllegalArgumentException(source + ": compact statuses[" + i + "] is '" + statuses.charAt(i)
            + "'; expected p, f, s or e");
      }
      Long duration = durationsMs.get(i);
      if (duration == null || duration < 0) {
        throw new IllegalArgumentException(source + ": compact durationsMs[" + i + "] is " + duration
            + "; expected a duration in milliseconds");
      }
      Detail detail = byIndex[i];
      Long offset = startOffsetsMs == null ? null : startOffsetsMs.get(i);
      files.add(new FileResult(paths.get(i), status, duration, null, // tags unknown: the compact form leaves them out
          detail == null ? null : detail.failedStep(), detail == null ? null : detail.message(),
          offset == null ? null : startedMs + offset, detail == null ? null : detail.attempts()));
    }
    List<Event> all = events == null ? List.of() : events;
    return new ResultsDocument(ResultsDocument.VERSION, shard, state, counts, ResultsDocument.withTheirEvents(files, all),
        wants == null ? 0 : wants, all);
  }

  private Detail[] detailsByIndex(int finished, String source) {
    Detail[] byIndex = new Detail[finished];
    int previous = -1;
    for (int d = 0; d < details.size(); d++) {
      Detail detail = ResultsCodec.require(details.get(d), "details[" + d + "]", source);
      int index = detail.index();
      if (index < 0 || index >= finished) {
        throw new IllegalArgumentException(source + ": compact details[" + d + "].index " + index
            + " is outside the " + finished + " finished files of the shard's plan");
      }
      if (index <= previous) {
        throw new IllegalArgumentException(source + ": compact details[" + d + "].index " + index
            + " does not follow " + previous + "; details go by increasing index");
      }
      byIndex[index] = detail;
      previous = index;
    }
    return byIndex;
  }

  private static char code(Outcome status) {
    return switch (status) {
      case PASSED -> 'p';
      case FAILED -> 'f';
      case SKIPPED -> 's';
      case ERROR -> 'e';
    };
  }

  /** The outcome a status character stands for; null for any other character. */
  private static Outcome outcome(char code) {
    return switch (code) {
      case 'p' -> Outcome.PASSED;
      case 'f' -> Outcome.FAILED;
      case 's' -> Outcome.SKIPPED;
      case 'e' -> Outcome.ERROR;
      default -> null;
    };
  }

  /** The first 16 hex digits of the SHA-256 of the paths, each followed by a newline. */
  static String digest(List<String> paths) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      paths.forEach(p -> sha.update((p + "\n").getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
