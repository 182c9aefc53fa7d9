package io.shardrun.core.report;

import static io.shardrun.core.report.Reports.bad;
import static io.shardrun.core.report.Reports.parse;
import static io.shardrun.core.report.Reports.passed;
import static io.shardrun.core.report.Reports.run;
import static io.shardrun.core.report.Reports.withClass;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.results.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonReportTest {
  static final RunReport MONDAY = run("monday", "Succeeded", List.of(
      passed("a.json", 0, 0L, 1000, "smoke", "cart"), passed("b.json", 1, 0L, 1000, "smoke")));
  static final RunReport TUESDAY = run("tuesday", "Failed", List.of(
      passed("a.json", 0, 0L, 1000, "smoke"), bad(Outcome.FAILED, "b.json", 1, 0L, 1000, "m", null, "smoke"),
      bad(Outcome.ERROR, "c.json", 1, 1000L, 1000, "m", null, "<new>"),
      new ReportFile("d.json", 1, Outcome.SKIPPED, null, 0, 1, List.of(), null, "skipped", null)));

  @Test
  void matrixHasATagPerRowAndARunPerColumnWithAnEmptyCellWhereTheRunHasNoSuchTag() throws Exception {
    assertThat(section("matrix", TUESDAY, MONDAY)).isEqualTo("""
        | tag | tuesday | monday |
        | <new> | 0 / 1 |  |
        | cart |  | 1 / 0 |
        | smoke | 1 / 1 | 2 / 0 |
        """);
  }

  @Test
  void showsEachRunsPhaseDurationAndCounts() throws Exception {
    assertThat(section("runs", MONDAY, TUESDAY)).isEqualTo("""
        |  | monday | tuesday |
        | phase | Succeeded | Failed |
        | started | 2025-06-01T12:00:00.123Z | 2025-06-01T12:00:00.123Z |
        | duration | 1m01s | 1m01s |
        | files | 2 | 4 |
        | passed | 2 | 1 |
        | failed | 0 | 1 |
        | skipped | 0 | 1 |
        | errors | 0 | 1 |
        """);
  }

  @Test
  void escapesRunNamesAndTagsAndLoadsNothing() {
    String html = ComparisonReport.render(List.of(run("<b>\"x\"</b>", "Error", List.of(passed("a.json", 0, 0L, 1, "<i>")))));

    assertThat(html).doesNotContain("<b>", "<i>").contains("&lt;b&gt;&quot;x&quot;&lt;/b&gt;", "&lt;i&gt;")
        .contains("default-src 'none'").doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("http:");
  }

  /** The table of the report's section {@code name}, as {@link Reports#table} writes it. */
  private static String section(String name, RunReport... runs) throws Exception {
    return Reports.table(withClass(parse(ComparisonReport.render(List.of(runs))), "section", name).get(0));
  }
}
