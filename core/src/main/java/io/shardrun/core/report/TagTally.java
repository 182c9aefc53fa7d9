package io.shardrun.core.report;

import io.shardrun.core.results.Outcome;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How the files with one tag did: {@code passed}, and {@code failed} counting failures and errors
 * alike, as both count against a file. Skipped files count as neither.
 */
record TagTally(int passed, int failed) {
  /** What the figures count, for the reader of a report. */
  static final String MEANING = "Failed counts failures and errors; skipped files count in neither.";

  /** Every tag of {@code files} with its tally, tags in order. */
  static SortedMap<String, TagTally> byTag(List<ReportFile> files) {
    SortedMap<String, TagTally> tallies = new TreeMap<>();
    for (ReportFile file : files) {
      TagTally one = new TagTally(file.status() == Outcome.PASSED ? 1 : 0,
          file.status().isBad() ? 1 : 0);
      file.tags().stream().distinct().forEach(tag -> tallies.merge(tag, one, TagTally::plus));
    }
    return tallies;
  }

  /** As a report cell shows it: {@code 3 / 1}. */
  String cell() {
    return passed + " / " + failed;
  }

  private TagTally plus(TagTally other) {
    return new TagTally(passed + other.passed, failed + other.failed);
  }
}
