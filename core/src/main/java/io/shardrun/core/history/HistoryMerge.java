package io.shardrun.core.history;

import io.shardrun.core.results.FileResult;
import io.shardrun.core.results.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Adds a run's results to a suite's {@link History} and keeps it bounded, twice over: by runs per
 * file, since estimates and flaky detection only look at a recent window, and by encoded size,
 * since the cluster stores it in one ConfigMap (at most 1 MiB with its metadata). Files are
 * evicted whole, least recently seen first: a file gone from the suite stops being seen and goes
 * before any file still running. A pure function: the same inputs give the same history.
 */
public final class HistoryMerge {
  /** Runs kept per file: several windows' worth for estimates and flaky detection. */
  public static final int DEFAULT_KEEP_PER_FILE = 50;

  /** The size bound for the cluster's history ConfigMap, leaving room for its metadata under 1 MiB. */
  public static final long CLUSTER_MAX_BYTES = 900 * 1024;

  private HistoryMerge() {}

  /**
   * {@code history} with one run record per result, then bounded.
   *
   * @param results a run's results; skipped files did not run, so they are not recorded
   * @param at when the run finished, RFC 3339 ({@code 2025-06-01T12:00:00Z}), for every new record
   * @param keepPerFile how many of each file's most recent runs to keep, at least 1
   * @param maxBytes the most bytes {@link HistoryCodec#write} may give; whole files are evicted,
   *     least recently seen first (by their last record's time, then by path), until it fits, all
   *     of them if need be
   * @throws IllegalArgumentException when {@code at} is not RFC 3339 or {@code keepPerFile} is
   *     below 1
   */
  public static History merge(History history, List<FileResult> results, String at, int keepPerFile, long maxBytes) {
    if (keepPerFile < 1) {
      throw new IllegalArgumentException("keepPerFile must be at least 1, not " + keepPerFile);
    }
    if (instant(at) == null) {
      throw new IllegalArgumentException("run time " + at + " is not RFC 3339 (like 2025-06-01T12:00:00Z)");
    }
    SortedMap<String, List<RunRecord>> files = new TreeMap<>();
    history.files().forEach((file, runs) -> files.put(file, new ArrayList<>(runs)));
    for (FileResult result : results) {
      if (result.status() != Outcome.SKIPPED) {
        files.computeIfAbsent(result.file(), f -> new ArrayList<>()).add(new RunRecord(result.durationMs(), result.status(), at));
      }
    }
    SortedMap<String, List<RunRecord>> kept = new TreeMap<>();
    files.forEach((file, runs) -> kept.put(file, List.copyOf(runs.subList(Math.max(0, runs.size() - keepPerFile), runs.size()))));
    return withinBytes(kept, maxBytes);
  }

  /**
   * The history without the fewest least recently seen files that make it fit. The size only
   * shrinks as more files go, so the count is found by bisection: a few encodings, not one per
   * evicted file.
   */
  private static History withinBytes(SortedMap<String, List<RunRecord>> files, long maxBytes) {
    List<String> evictionOrder = files.keySet().stream().sorted(leastRecentlySeenFirst(files)).toList();
    int fits = evictionOrder.size();
    int tooFew = -1;
    while (fits - tooFew > 1) {
      int middle = (tooFew + fits) >>> 1;
      if (bytes(without(files, evictionOrder.subList(0, middle))) <= maxBytes) {
        fits = middle;
      } else {
        tooFew = middle;
      }
    }
    return without(files, evictionOrder.subList(0, fits));
  }

  /** By the time of each file's last record (unreadable times count as oldest), then by path. */
  private static Comparator<String> leastRecentlySeenFirst(Map<String, List<RunRecord>> files) {
    Comparator<String> byLastSeen = Comparator.comparing(file -> {
      List<RunRecord> runs = files.get(file);
      Instant last = runs.isEmpty() ? null : instant(runs.get(runs.size() - 1).at());
      return last == null ? Instant.MIN : last;
    });
    return byLastSeen.thenComparing(Comparator.naturalOrder());
  }

  private static History without(SortedMap<String, List<RunRecord>> files, List<String> evicted) {
    SortedMap<String, List<RunRecord>> remaining = new TreeMap<>(files);
    evicted.forEach(remaining::remove);
    return new History(History.VERSION, remaining);
  }

  private static long bytes(History history) {
    return HistoryCodec.write(history).getBytes(StandardCharsets.UTF_8).length;
  }

  /** The instant of an RFC 3339 time; null when it is not one. */
  private static Instant instant(String time) {
    if (time == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(time, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
