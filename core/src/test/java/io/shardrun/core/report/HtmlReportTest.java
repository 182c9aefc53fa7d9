package io.shardrun.core.report;

import static io.shardrun.core.report.Reports.bad;
import static io.shardrun.core.report.Reports.parse;
import static io.shardrun.core.report.Reports.passed;
import static io.shardrun.core.report.Reports.run;
import static io.shardrun.core.report.Reports.withAttribute;
import static io.shardrun.core.report.Reports.withClass;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.results.Event;
import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class HtmlReportTest {
  static final String NASTY_FILE = "<b>&\"x\".json";
  static final String NASTY_MESSAGE = "expected 'ü' but saw </script><script>alert(1)</script> & more";

  @Test
  void everyTextFromTheRunIsEscapedNeverMarkup() throws Exception {
    RunReport report = new RunReport("<run>", "Failed", "2025-06-01T12:00:00Z", 5000,
        List.of(bad(Outcome.FAILED, NASTY_FILE, 0, 0L, 1200, NASTY_MESSAGE, null, "<i>tag</i>")),
        Set.of(NASTY_FILE), List.of());

    String html = HtmlReport.render(report);

    assertThat(html).doesNotContain("<b>", "</script>", "<script", "<i>", "<run>")
        .contains("&lt;b&gt;&amp;&quot;x&quot;.json", "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; more",
            "&lt;i&gt;tag&lt;/i&gt;", "&lt;run&gt;");
    Document page = parse(html);
    assertThat(withAttribute(page, "div", "data-file")).singleElement()
        .satisfies(bar -> assertThat(bar.getAttribute("data-file")).isEqualTo(NASTY_FILE));
    assertThat(withClass(page, "td", "message")).singleElement()
        .satisfies(cell -> assertThat(cell.getTextContent()).isEqualTo(NASTY_MESSAGE));
  }

  @Test
  void isOneSelfContainedDocumentThatRunsNoScriptAndLoadsNothing() throws Exception {
    String html = HtmlReport.render(Reports.synthetic(50, 3));

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta http-equiv=\"Content-Security-Policy\" content=\""
        + "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: file:\"/>");
    assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("http:")
        .doesNotContainIgnoringCase("https:").doesNotContainIgnoringCase("<link rel=\"stylesheet\"")
        .doesNotContainIgnoringCase("@import").doesNotContainIgnoringCase("url(");
    parse(html);
  }

  @Test
  void showsTheVerdictAndCounts() throws Exception {
    RunReport report = new RunReport("nightly", "Failed", "2025-06-01T12:00:00Z", 125_000, List.of(
        passed("a.json", 0, 0L, 1000), passed("b.json", 0, 1000L, 1000),
        bad(Outcome.FAILED, "c.json", 1, 0L, 1000, "boom", null),
        bad(Outcome.ERROR, "d.json", 1, 1000L, 1000, "session not created", null),
        new ReportFile("e.json", 1, Outcome.SKIPPED, null, 0, 1, List.of(), null, "skipped: upstream c.json did not pass", null)),
        Set.of("a.json", "c.json", "not-in-this-run.json"), List.of());

    Document page = parse(HtmlReport.render(report));

    assertThat(withClass(page, "p", "verdict")).singleElement().satisfies(verdict -> {
      assertThat(verdict.getTextContent()).isEqualTo("Failed");
      assertThat(verdict.getAttribute("data-phase")).isEqualTo("Failed");
    });
    assertThat(withAttribute(page, "div", "data-count")).extracting(e -> e.getAttribute("data-count") + "=" + e.getLastChild().getTextContent())
        .containsExactly("files=5", "passed=2", "failed=1", "skipped=1", "errors=1", "flaky=2", "duration=2m05s");
    assertThat(withClass(page, "section", "flaky")).singleElement()
        .satisfies(s -> assertThat(s.getElementsByTagName("li").getLength()).isEqualTo(2));
  }

  @Test
  void timelineHasARowPerShardWithFilesAndABarPerFileWithAStart() throws Exception {
    RunReport report = run("r", "Succeeded", List.of(
        passed("a.json", 0, 0L, 10_000), passed("b.json", 0, 10_000L, 20_000),
        passed("c.json", 1, 0L, 18_000),
        passed("d.json", 3, 0L, 5_000), passed("e.json", 3, 5_000L, 3_000),
        passed("no-start.json", 3, null, 4_000)));

    Document page = parse(HtmlReport.render(report));

    List<Element> rows = withClass(page, "div", "row");
    assertThat(rows).extracting(r -> r.getAttribute("data-shard")).containsExactly("0", "1", "3");
    assertThat(withAttribute(page, "div", "data-file")).extracting(b -> b.getAttribute("data-file"))
        .containsExactlyInAnyOrder("a.json", "b.json", "c.json", "d.json", "e.json");
    Element b = withAttribute(page, "div", "data-file").stream().filter(e -> e.getAttribute("data-file").equals("b.json")).findFirst().orElseThrow();
    assertThat(b.getAttribute("style")).isEqualTo("left:33.333%;width:66.667%");
    assertThat(b.getAttribute("class")).isEqualTo("bar passed");
    assertThat(b.getAttribute("title")).isEqualTo("b.json, passed, 20s");
    assertThat(withClass(page, "span", "end")).extracting(Element::getTextContent).containsExactly("ends at 30s", "ends at 18s", "ends at 8s");
    assertThat(withClass(page, "p", "gap")).singleElement().extracting(Element::getTextContent)
        .isEqualTo("The slowest shard, shard 0, ended at 30s; the fastest, shard 3, at 8s: a gap of 22s.");
  }

  @Test
  void aShardWithNoStartTimesEndsAfterItsFilesOneAfterAnother() throws Exception {
    RunReport report = run("r", "Succeeded", List.of(passed("a.json", 0, null, 2_000), passed("b.json", 0, null, 3_000)));

    Document page = parse(HtmlReport.render(report));

    assertThat(withAttribute(page, "div", "data-file")).isEmpty();
    assertThat(withClass(page, "span", "end")).extracting(Element::getTextContent).containsExactly("ends at 5s");
    assertThat(withClass(page, "p", "gap")).singleElement().extracting(Element::getTextContent)
        .isEqualTo("One shard ran files: there is no gap between shards.");
  }

  @Test
  void listsEveryFailureAndErrorWithItsScreenshot() throws Exception {
    RunReport report = run("r", "Failed", List.of(
        passed("ok.json", 0, 0L, 1000),
        bad(Outcome.FAILED, "shop/check out.json", 1, 0L, 4100, "assertText: expected '$41.00'", "1/shop/check out/failure #1.png"),
        bad(Outcome.ERROR, "search.json", 0, 1000L, 30_500, "session not created", null),
        bad(Outcome.FAILED, "remote.json", 0, 40_000L, 100, "x", "https://ci.example/artifacts/remote.png")));

    Document page = parse(HtmlReport.render(report));

    List<Element> failures = withClass(page, "tr", "failure");
    assertThat(failures).extracting(Element::getTextContent).containsExactly(
        "failedremote.json0steps[1]1100msxscreenshot",
        "errorsearch.json0steps[1]131ssession not created",
        "failedshop/check out.json1steps[1]14sassertText: expected '$41.00'screenshot");
    assertThat(withClass(page, "a", "screenshot")).extracting(a -> a.getAttribute("href"))
        .containsExactly("https://ci.example/artifacts/remote.png", "1/shop/check%20out/failure%20%231.png");
    assertThat(page.getElementsByTagName("img").getLength()).as("a thumbnail only of the screenshot beside the report").isEqualTo(1);
    assertThat(((Element) page.getElementsByTagName("img").item(0)).getAttribute("src")).isEqualTo("1/shop/check%20out/failure%20%231.png");
  }

  @Test
  void theCrossShardEventsAreListedInTheOrderPublishedAfterTheRunsStart() throws Exception {
    long start = Instant.parse("2025-06-01T12:00:00Z").toEpochMilli();
    FileRun ships = new FileRun("orders/ship.json", "orders/ship.json", 1, Outcome.PASSED, 3000, 1, List.of(), null, null, List.of(),
        start + 500, List.of(new Event("order.shipped", "A-17", "orders/ship.json", 1, start + 3200)));
    FileRun creates = new FileRun("orders/create.json", "orders/create.json", 0, Outcome.PASSED, 2000, 1, List.of(), null, null,
        List.of(), start, List.of(new Event("order.created", "A-17 <b>", "orders/create.json", 0, start + 1500)));
    RunReport report = RunReport.of("r", "Succeeded", "2025-06-01T12:00:00Z", 4000, List.of(ships, creates), Set.of(), f -> null);

    Document page = parse(HtmlReport.render(report));

    List<Element> sections = withClass(page, "section", "events");
    assertThat(sections).hasSize(1);
    assertThat(Reports.table(sections.get(0))).isEqualTo("""
        | after | topic | value | published by | shard |
        | 2s | order.created | A-17 <b> | orders/create.json | 0 |
        | 3s | order.shipped | A-17 | orders/ship.json | 1 |
        """);
    assertThat(withClass(parse(HtmlReport.render(run("quiet", "Succeeded", List.of(passed("a.json", 0, 0L, 1000))))), "section", "events"))
        .as("no section for a run without events").isEmpty();
  }

  @Test
  void tagsTableCountsPassedAndFailedPerTagInOrder() throws Exception {
    RunReport report = run("r", "Failed", List.of(
        passed("a.json", 0, 0L, 1, "smoke", "cart"), passed("b.json", 0, 1L, 1, "smoke"),
        bad(Outcome.FAILED, "c.json", 0, 2L, 1, "m", null, "cart"), bad(Outcome.ERROR, "d.json", 0, 3L, 1, "m", null, "smoke"),
        new ReportFile("e.json", 0, Outcome.SKIPPED, null, 0, 1, List.of("smoke"), null, "skipped", null)));

    Document page = parse(HtmlReport.render(report));

    assertThat(Reports.table(withClass(page, "section", "tags").get(0))).isEqualTo("""
        | tag | passed | failed |
        | cart | 1 | 1 |
        | smoke | 2 | 1 |
        """);
  }

  @Test
  void fiveThousandFilesRenderUnderTwoMegabytes() {
    RunReport report = Reports.synthetic(5000, 20);

    long start = System.nanoTime();
    String html = HtmlReport.render(report);
    long renderMs = (System.nanoTime() - start) / 1_000_000;

    int bytes = html.getBytes(StandardCharsets.UTF_8).length;
    System.out.printf("report of 5000 files on 20 shards (500 failures): %,d bytes, rendered in %d ms (the first render in this JVM)%n", bytes, renderMs);
    assertThat(bytes).isLessThan(2 * 1024 * 1024);
  }
}
