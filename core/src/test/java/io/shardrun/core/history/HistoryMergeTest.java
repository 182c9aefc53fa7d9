package io.shardrun.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardrun.core.results.FileResult;
import io.shardrun.core.results.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HistoryMergeTest {
  static final String NOW = "2025-06-10T12:00:00Z";
  static final long NO_LIMIT = Long.MAX_VALUE;

  static FileResult result(String file, Outcome status, long durationMs) {
    return new FileResult(file, status, durationMs, List.of(), null, null);
  }

  static History history(Map<String, List<RunRecord>> files) {
    return new History(History.VERSION, files);
  }

  static List<RunRecord> runs(String lastAt, int count) {
    List<RunRecord> runs = new ArrayList<>();
    for (int i = 0; i < count - 1; i++) {
      runs.add(new RunRecord(1000 + i, Outcome.PASSED, "2025-01-01T00:00:00Z"));
    }
    runs.add(new RunRecord(999, Outcome.FAILED, lastAt));
    return runs;
  }

  static long bytes(History history) {
    return HistoryCodec.write(history).getBytes(StandardCharsets.UTF_8).length;
  }

  @Test
  void appendsOneRecordPerFileThatRanAtTheRunsTime() {
    History before = history(Map.of("a.json", List.of(new RunRecord(900, Outcome.PASSED, "2025-06-09T12:00:00Z"))));

    History after = HistoryMerge.merge(before, List.of(result("a.json", Outcome.FAILED, 1200), result("b.json", Outcome.ERROR, 30_000)),
        NOW, HistoryMerge.DEFAULT_KEEP_PER_FILE, NO_LIMIT);

    assertThat(after.files()).containsOnlyKeys("a.json", "b.json");
    assertThat(after.files().get("a.json")).containsExactly(
        new RunRecord(900, Outcome.PASSED, "2025-06-09T12:00:00Z"), new RunRecord(1200, Outcome.FAILED, NOW));
    assertThat(after.files().get("b.json")).containsExactly(new RunRecord(30_000, Outcome.ERROR, NOW));
    assertThat(after.version()).isEqualTo(History.VERSION);
  }

  @Test
  void skippedFilesAreNotRecordedBecauseTheyDidNotRun() {
    History before = history(Map.of("pay.json", List.of(new RunRecord(500, Outcome.PASSED, "2025-06-09T12:00:00Z"))));

    History after = HistoryMerge.merge(before, List.of(result("pay.json", Outcome.SKIPPED, 0), result("new.json", Outcome.SKIPPED, 0)),
        NOW, HistoryMerge.DEFAULT_KEEP_PER_FILE, NO_LIMIT);

    assertThat(after).isEqualTo(before);
  }

  @Test
  void filesThatDidNotRunKeepTheirRecords() {
    History before = history(Map.of("old.json", runs("2025-03-01T00:00:00Z", 3)));

    History after = HistoryMerge.merge(before, List.of(result("a.json", Outcome.PASSED, 1)), NOW, 50, NO_LIMIT);

    assertThat(after.files().get("old.json")).isEqualTo(runs("2025-03-01T00:00:00Z", 3));
  }

  @Test
  void keepsOnlyTheMostRecentRunsOfEachFile() {
    History before = history(Map.of("a.json", runs("2025-06-01T00:00:00Z", 5), "b.json", runs("2025-06-01T00:00:00Z", 2)));

    History after = HistoryMerge.merge(before, List.of(result("a.json", Outcome.PASSED, 7), result("a.json", Outcome.PASSED, 8)), NOW, 3, NO_LIMIT);

    assertThat(after.files().get("a.json")).containsExactly(
        new RunRecord(999, Outcome.FAILED, "2025-06-01T00:00:00Z"), new RunRecord(7, Outcome.PASSED, NOW), new RunRecord(8, Outcome.PASSED, NOW));
    assertThat(after.files().get("b.json")).hasSize(2);
  }

  @Test
  void defaultBoundsAreFiftyRunsAndNineHundredKiB() {
    assertThat(HistoryMerge.DEFAULT_KEEP_PER_FILE).isEqualTo(50);
    assertThat(HistoryMerge.CLUSTER_MAX_BYTES).isEqualTo(921_600);
  }

  @Test
  void leavesTheGivenHistoryUnchanged() {
    Map<String, List<RunRecord>> files = new TreeMap<>(Map.of("a.json", runs("2025-06-01T00:00:00Z", 3)));
    History before = history(files);
    String encoded = HistoryCodec.write(before);

    HistoryMerge.merge(before, List.of(result("a.json", Outcome.PASSED, 1)), NOW, 2, 10);

    assertThat(HistoryCodec.write(before)).isEqualTo(encoded);
  }

  @Test
  void evictsLeastRecentlySeenFilesFirstAndOnlyAsManyAsNeeded() {
    History before = history(Map.of(
        "a.json", runs("2025-06-03T00:00:00Z", 10),
        "b.json", runs("2025-06-01T00:00:00Z", 10),
        "c.json", runs("2025-06-02T00:00:00Z", 10)));
    long withoutB = bytes(history(Map.of("a.json", before.files().get("a.json"), "c.json", before.files().get("c.json"))));
    long onlyA = bytes(history(Map.of("a.json", before.files().get("a.json"))));

    assertThat(HistoryMerge.merge(before, List.of(), NOW, 50, bytes(before)).files()).containsOnlyKeys("a.json", "b.json", "c.json");
    assertThat(HistoryMerge.merge(before, List.of(), NOW, 50, bytes(before) - 1).files()).containsOnlyKeys("a.json", "c.json");
    assertThat(HistoryMerge.merge(before, List.of(), NOW, 50, withoutB).files()).containsOnlyKeys("a.json", "c.json");
    assertThat(HistoryMerge.merge(before, List.of(), NOW, 50, withoutB - 1).files()).containsOnlyKeys("a.json");
    assertThat(HistoryMerge.merge(before, List.of(), NOW, 50, onlyA - 1).files()).isEmpty();
  }

  @Test
  void filesThatJustRanAreEvictedLast() {
    History before = history(Map.of("a.json", runs("2025-06-09T00:00:00Z", 10), "z.json", runs("2025-06-08T00:00:00Z", 10)));

    History after = HistoryMerge.merge(before, List.of(result("z.json", Outcome.PASSED, 1)), NOW, 50, bytes(before) - 1);

    assertThat(after.files()).containsOnlyKeys("z.json");
  }

  @Test
  void equallyRecentFilesAreEvictedInPathOrder() {
    History before = history(Map.of("b.json", runs(NOW, 10), "a.json", runs(NOW, 10), "c.json", runs(NOW, 10)));

    History after = HistoryMerge.merge(before, List.of(), NOW, 50, bytes(before) - 1);

    assertThat(after.files()).containsOnlyKeys("b.json", "c.json");
  }

  @Test
  void timesAreComparedAsInstantsWhateverTheirOffset() {
    History before = history(Map.of(
        "early.json", runs("2025-06-01T10:00:00+02:00", 10),
        "late.json", runs("2025-06-01T09:00:00Z", 10)));

    History after = HistoryMerge.merge(before, List.of(), NOW, 50, bytes(before) - 1);

    assertThat(after.files()).containsOnlyKeys("late.json");
  }

  @Test
  void filesWithUnreadableTimesAreEvictedFirst() {
    History before = history(Map.of("a.json", runs("2025-06-01T00:00:00Z", 10), "b.json", runs("last tuesday", 10)));

    History after = HistoryMerge.merge(before, List.of(), NOW, 50, bytes(before) - 1);

    assertThat(after.files()).containsOnlyKeys("a.json");
  }

  @Test
  void mergedHistoryNeverPassesTheBoundAndEvictsNoMoreThanNeeded() {
    Random random = new Random(42);
    Map<String, List<RunRecord>> files = new TreeMap<>();
    for (int f = 0; f < 300; f++) {
      List<RunRecord> runs = new ArrayList<>();
      for (int r = 0; r < 1 + random.nextInt(60); r++) {
        runs.add(new RunRecord(random.nextInt(100_000), Outcome.PASSED, String.format("2025-05-%02dT%02d:00:00Z", 1 + random.nextInt(28), random.nextInt(24))));
      }
      files.put("suite/file-" + f + ".json", runs);
    }
    History before = history(files);
    List<FileResult> results = List.of(result("suite/file-7.json", Outcome.FAILED, 5), result("new.json", Outcome.PASSED, 6));
    long maxBytes = 40_000;

    History after = HistoryMerge.merge(before, results, NOW, 50, maxBytes);

    assertThat(bytes(after)).isLessThanOrEqualTo(maxBytes);
    assertThat(after.files()).containsKeys("suite/file-7.json", "new.json");
    assertThat(after.files().values()).allSatisfy(runs -> assertThat(runs).hasSizeLessThanOrEqualTo(50));
    History unbounded = HistoryMerge.merge(before, results, NOW, 50, NO_LIMIT);
    Comparator<String> lastSeen = Comparator.comparing((String f) -> lastAt(unbounded, f)).thenComparing(Comparator.naturalOrder());
    String lastEvicted = unbounded.files().keySet().stream().filter(f -> !after.files().containsKey(f)).max(lastSeen).orElseThrow();
    assertThat(after.files().keySet()).allSatisfy(kept -> assertThat(lastSeen.compare(kept, lastEvicted)).isPositive());
    Map<String, List<RunRecord>> oneMore = new TreeMap<>(after.files());
    oneMore.put(lastEvicted, unbounded.files().get(lastEvicted));
    assertThat(bytes(history(oneMore))).isGreaterThan(maxBytes);
  }

  /** Every time in these tests is UTC, so comparing the text compares the instants. */
  static String lastAt(History history, String file) {
    List<RunRecord> runs = history.files().get(file);
    return runs.get(runs.size() - 1).at();
  }

  @Test
  void sameInputsGiveTheSameHistory() {
    History before = history(Map.of("a.json", runs("2025-06-01T00:00:00Z", 30), "b.json", runs("2025-06-02T00:00:00Z", 30)));
    List<FileResult> results = List.of(result("c.json", Outcome.PASSED, 3), result("a.json", Outcome.FAILED, 4));

    String first = HistoryCodec.write(HistoryMerge.merge(before, results, NOW, 20, 2_000));
    String second = HistoryCodec.write(HistoryMerge.merge(before, results, NOW, 20, 2_000));

    assertThat(first).isEqualTo(second);
    assertThat(HistoryCodec.read(first, "merged")).isEqualTo(HistoryMerge.merge(before, results, NOW, 20, 2_000));
  }

  @Test
  void rejectsABadRunTimeOrKeepCount() {
    assertThatThrownBy(() -> HistoryMerge.merge(History.empty(), List.of(), "2025-06-10 12:00", 50, NO_LIMIT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("run time 2025-06-10 12:00 is not RFC 3339 (like 2025-06-01T12:00:00Z)");
    assertThatThrownBy(() -> HistoryMerge.merge(History.empty(), List.of(), NOW, 0, NO_LIMIT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keepPerFile must be at least 1, not 0");
  }
}
