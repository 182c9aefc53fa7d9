package io.shardrun.core.results;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run ledger: an append-only text file keeping every run's per-file outcomes, so that
 * {@code --rerun-failed FILE} and people with {@code grep}, {@code awk} or a spreadsheet can look
 * back without any tool. A new file starts with the line {@value #HEADER}; each run then appends
 * one line per file, five fields separated by tabs:
 *
 * <pre>
 * RUN_ID  TIME (ISO-8601 with offset)  PATH  STATUS (passed|failed|skipped|error)  DURATION_MS
 * </pre>
 *
 * Lines starting with {@code #} and blank lines are ignored. A run only appends, so an interrupted
 * run never costs the lines earlier runs wrote.
 */
public final class Ledger {
  /** The first line of every ledger file; write it, then a newline, when creating one. */
  public static final String HEADER = "# shardrun ledger v1";

  private static final int FIELDS = 5;

  private Ledger() {}

  /**
   * The lines to append for one run's results, each ended by a newline.
   *
   * @param at when the run finished, ISO-8601 with an offset ({@code 2025-06-01T12:00:00Z})
   * @throws IllegalArgumentException when {@code at} is not such a time, or the run id or a path
   *     is empty or holds a tab or line break (it would break the format)
   */
  public static String lines(String runId, String at, List<FileResult> results) {
    checkField(runId, "run id");
    checkTime(at, "ledger time " + at + " is not ISO-8601 with an offset");
    StringBuilder lines = new StringBuilder();
    for (FileResult result : results) {
      checkField(result.file(), "path");
      lines.append(runId).append('\t').append(at).append('\t').append(result.file()).append('\t')
          .append(result.status().label()).append('\t').append(result.durationMs()).append('\n');
    }
    return lines.toString();
  }

  /**
   * A ledger's content with one run's lines added: a new ledger starts with {@link #HEADER}; a
   * last line without its newline gets one first, so the new lines never join it.
   *
   * @param current the ledger's content, null or empty for a new ledger
   * @param lines from {@link #lines}
   * @param source named in errors: the file's path
   * @throws IllegalArgumentException when {@code current} is not a valid ledger (it is left as is)
   */
  public static String append(String current, String lines, String source) {
    if (current == null || current.isEmpty()) {
      return HEADER + "\n" + lines;
    }
    parse(current, source);
    return current + (current.endsWith("\n") ? "" : "\n") + lines;
  }

  /**
   * Reads a ledger file's content.
   *
   * @param source named in errors: the file's path
   * @throws IllegalArgumentException naming {@code source}, the line number and what is wrong
   */
  public static List<LedgerEntry> parse(String content, String source) {
    if (content.isEmpty()) {
      return List.of();
    }
    List<LedgerEntry> entries = new ArrayList<>();
    String[] lines = content.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      String at = source + ":" + (i + 1) + ": ";
      if (i == 0 && !line.equals(HEADER)) {
        throw new IllegalArgumentException(at + "not a Shardrun ledger: the first line must be '" + HEADER + "'");
      }
      if (!line.isBlank() && !line.startsWith("#")) {
        entries.add(entry(line, at));
      }
    }
    return List.copyOf(entries);
  }

  /**
   * The outcome of each file in the most recent run: the run of the ledger's last line. A file
   * listed twice in that run counts by its later line.
   *
   * @return by path, in the order the run recorded them; empty for an empty ledger
   */
  public static Map<String, Outcome> lastRun(List<LedgerEntry> entries) {
    if (entries.isEmpty()) {
      return Map.of();
    }
    String runId = entries.get(entries.size() - 1).runId();
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    entries.stream().filter(e -> e.runId().equals(runId)).forEach(e -> outcomes.put(e.file(), e.status()));
    return Collections.unmodifiableMap(outcomes);
  }

  private static LedgerEntry entry(String line, String at) {
    String[] fields = line.split("\t", -1);
    if (fields.length != FIELDS) {
      throw new IllegalArgumentException(at + "expected " + FIELDS
          + " tab-separated fields (run id, time, path, status, durationMs), found " + fields.length);
    }
    for (int f = 0; f < FIELDS; f++) {
      if (fields[f].isEmpty()) {
        throw new IllegalArgumentException(at + "field " + (f + 1) + " is empty");
      }
    }
    checkTime(fields[1], at + "time '" + fields[1] + "' is not ISO-8601 with an offset");
    Outcome status = Outcome.ofLabel(fields[3]);
    if (status == null) {
      throw new IllegalArgumentException(at + "status '" + fields[3] + "' is not one of passed, failed, skipped, error");
    }
    long durationMs;
    try {
      durationMs = Long.parseLong(fields[4]);
    } catch (NumberFormatException e) {
      durationMs = -1;
    }
    if (durationMs < 0) {
      throw new IllegalArgumentException(at + "durationMs '" + fields[4] + "' is not a whole number of milliseconds");
    }
    return new LedgerEntry(fields[0], fields[1], fields[2], status, durationMs);
  }

  private static void checkField(String value, String what) {
    if (value == null || value.isEmpty() || value.chars().anyMatch(c -> c == '\t' || c == '\n' || c == '\r')) {
      throw new IllegalArgumentException("ledger " + what + " must be non-empty, without tabs or line breaks: '" + value + "'");
    }
  }

  private static void checkTime(String time, String error) {
    try {
      if (time != null) {
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(time);
        return;
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(error, e);
    }
    throw new IllegalArgumentException(error);
  }
}
