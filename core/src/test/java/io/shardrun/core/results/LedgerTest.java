package io.shardrun.core.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerTest {
  static final String T1 = "2025-06-01T12:00:00Z";
  static final String T2 = "2025-06-02T08:30:15.250+02:00";

  static FileResult result(String file, Outcome status, long durationMs) {
    return new FileResult(file, status, durationMs, List.of("smoke"), null, "ignored by the ledger");
  }

  @Test
  void linesAreOneTabSeparatedLinePerFile() {
    String lines = Ledger.lines("run-7", T1, List.of(
        result("auth/login.json", Outcome.PASSED, 1200),
        result("shop/cart.json", Outcome.FAILED, 3400),
        result("shop/pay.json", Outcome.SKIPPED, 0),
        result("search.json", Outcome.ERROR, 30500)));

    assertThat(lines).isEqualTo("""
        run-7\t2025-06-01T12:00:00Z\tauth/login.json\tpassed\t1200
        run-7\t2025-06-01T12:00:00Z\tshop/cart.json\tfailed\t3400
        run-7\t2025-06-01T12:00:00Z\tshop/pay.json\tskipped\t0
        run-7\t2025-06-01T12:00:00Z\tsearch.json\terror\t30500
        """);
  }

  @Test
  void headerNamesTheFormatAndItsVersion() {
    assertThat(Ledger.HEADER).isEqualTo("# shardrun ledger v1");
  }

  @Test
  void noResultsAreNoLines() {
    assertThat(Ledger.lines("run-1", T1, List.of())).isEmpty();
  }

  @Test
  void writtenLinesParseBackIntoEntries() {
    String content = Ledger.HEADER + "\n"
        + Ledger.lines("run-1", T1, List.of(result("a.json", Outcome.PASSED, 10), result("b.json", Outcome.FAILED, 20)))
        + Ledger.lines("run-2", T2, List.of(result("b.json", Outcome.PASSED, 15)));

    assertThat(Ledger.parse(content, "ledger.tsv")).containsExactly(
        new LedgerEntry("run-1", T1, "a.json", Outcome.PASSED, 10),
        new LedgerEntry("run-1", T1, "b.json", Outcome.FAILED, 20),
        new LedgerEntry("run-2", T2, "b.json", Outcome.PASSED, 15));
  }

  @Test
  void parseSkipsCommentsBlankLinesAndCarriageReturns() {
    String content = Ledger.HEADER + "\r\n# nightly\r\n\r\nrun-1\t" + T1 + "\tä b.json\tskipped\t0\r\n";

    assertThat(Ledger.parse(content, "ledger.tsv"))
        .containsExactly(new LedgerEntry("run-1", T1, "ä b.json", Outcome.SKIPPED, 0));
  }

  @Test
  void emptyContentIsAnEmptyLedger() {
    assertThat(Ledger.parse("", "ledger.tsv")).isEmpty();
  }

  @Test
  void parseRejectsAFileWithoutTheHeader() {
    assertThatThrownBy(() -> Ledger.parse("run-1\t" + T1 + "\ta.json\tpassed\t1\n", "results.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("results.json:1: not a Shardrun ledger: the first line must be '# shardrun ledger v1'");
    assertThatThrownBy(() -> Ledger.parse("# shardrun ledger v2\n", "ledger.tsv"))
        .hasMessage("ledger.tsv:1: not a Shardrun ledger: the first line must be '# shardrun ledger v1'");
  }

  static void rejectsLine3(String line, String message) {
    String content = Ledger.HEADER + "\nrun-1\t" + T1 + "\tok.json\tpassed\t1\n" + line + "\n";
    assertThatThrownBy(() -> Ledger.parse(content, "ledger.tsv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ledger.tsv:3: " + message);
  }

  @Test
  void parseNamesTheSourceAndLineOfAMalformedLine() {
    rejectsLine3("run-1\t" + T1 + "\ta.json\tpassed", "expected 5 tab-separated fields (run id, time, path, status, durationMs), found 4");
    rejectsLine3("run-1 " + T1 + " a.json passed 1", "expected 5 tab-separated fields (run id, time, path, status, durationMs), found 1");
    rejectsLine3("run-1\t" + T1 + "\t\tpassed\t1", "field 3 is empty");
    rejectsLine3("run-1\tyesterday\ta.json\tpassed\t1", "time 'yesterday' is not ISO-8601 with an offset");
    rejectsLine3("run-1\t2025-06-01T12:00:00\ta.json\tpassed\t1", "time '2025-06-01T12:00:00' is not ISO-8601 with an offset");
    rejectsLine3("run-1\t" + T1 + "\ta.json\tPASSED\t1", "status 'PASSED' is not one of passed, failed, skipped, error");
    rejectsLine3("run-1\t" + T1 + "\ta.json\tpassed\t1.5s", "durationMs '1.5s' is not a whole number of milliseconds");
    rejectsLine3("run-1\t" + T1 + "\ta.json\tpassed\t-3", "durationMs '-3' is not a whole number of milliseconds");
  }

  @Test
  void linesRefuseValuesThatWouldBreakTheFormat() {
    assertThatThrownBy(() -> Ledger.lines("run\t1", T1, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ledger run id must be non-empty, without tabs or line breaks: 'run\t1'");
    assertThatThrownBy(() -> Ledger.lines("", T1, List.of()))
        .hasMessage("ledger run id must be non-empty, without tabs or line breaks: ''");
    assertThatThrownBy(() -> Ledger.lines("run-1", T1, List.of(result("a\nb.json", Outcome.PASSED, 1))))
        .hasMessage("ledger path must be non-empty, without tabs or line breaks: 'a\nb.json'");
    assertThatThrownBy(() -> Ledger.lines("run-1", "2025-06-01 12:00", List.of()))
        .hasMessage("ledger time 2025-06-01 12:00 is not ISO-8601 with an offset");
  }

  @Test
  void lastRunIsTheRunOfTheLastLineWithEachFilesOutcome() {
    List<LedgerEntry> entries = Ledger.parse(Ledger.HEADER + "\n"
        + Ledger.lines("run-1", T1, List.of(result("a.json", Outcome.FAILED, 1), result("z.json", Outcome.FAILED, 1)))
        + Ledger.lines("run-2", T2, List.of(result("b.json", Outcome.ERROR, 1), result("a.json", Outcome.PASSED, 1))), "l");

    assertThat(Ledger.lastRun(entries)).containsExactly(entry("b.json", Outcome.ERROR), entry("a.json", Outcome.PASSED));
  }

  @Test
  void lastRunGathersItsLinesEvenWhenAnotherRunAppendedInBetween() {
    List<LedgerEntry> entries = List.of(
        new LedgerEntry("run-2", T2, "a.json", Outcome.FAILED, 1),
        new LedgerEntry("run-1", T1, "x.json", Outcome.FAILED, 1),
        new LedgerEntry("run-2", T2, "b.json", Outcome.PASSED, 1),
        new LedgerEntry("run-2", T2, "a.json", Outcome.PASSED, 1));

    assertThat(Ledger.lastRun(entries)).containsExactly(entry("a.json", Outcome.PASSED), entry("b.json", Outcome.PASSED));
  }

  @Test
  void lastRunOfAnEmptyLedgerIsEmpty() {
    assertThat(Ledger.lastRun(List.of())).isEmpty();
  }

  @Test
  void appendingToNothingStartsANewLedgerWithItsHeader() {
    String lines = Ledger.lines("run-1", T1, List.of(result("a.json", Outcome.PASSED, 10)));

    assertThat(Ledger.append(null, lines, "l.tsv")).isEqualTo(Ledger.HEADER + "\n" + lines);
    assertThat(Ledger.append("", lines, "l.tsv")).isEqualTo(Ledger.HEADER + "\n" + lines);
  }

  @Test
  void aLastLineWithoutItsNewlineIsEndedBeforeTheNewLines() {
    String first = Ledger.HEADER + "\n" + Ledger.lines("run-1", T1, List.of(result("a.json", Outcome.FAILED, 10)));
    String edited = first.substring(0, first.length() - 1);

    String appended = Ledger.append(edited, Ledger.lines("run-2", T1, List.of(result("a.json", Outcome.PASSED, 5))), "l.tsv");

    assertThat(Ledger.parse(appended, "l.tsv")).extracting(LedgerEntry::runId).containsExactly("run-1", "run-2");
  }

  @Test
  void aFileThatIsNotALedgerIsRefusedNotAppendedTo() {
    assertThatThrownBy(() -> Ledger.append("my notes\n", "run-1\t" + T1 + "\ta.json\tpassed\t1\n", "notes.txt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("notes.txt:1: not a Shardrun ledger: the first line must be '# shardrun ledger v1'");
  }
}
