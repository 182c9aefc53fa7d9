package io.shardrun.core.report;

import io.shardrun.core.results.Outcome;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Runs to render, and reading what was rendered: the reports are well-formed XML, so the JDK's parser reads them. */
final class Reports {
  private Reports() {}

  static ReportFile passed(String file, int shard, Long startMs, long durationMs, String... tags) {
    return new ReportFile(file, shard, Outcome.PASSED, startMs, durationMs, 1, List.of(tags), null, null, null);
  }

  static ReportFile bad(Outcome status, String file, int shard, Long startMs, long durationMs, String message,
      String screenshot, String... tags) {
    return new ReportFile(file, shard, status, startMs, durationMs, 1, List.of(tags), 1, message, screenshot);
  }

  static RunReport run(String name, String phase, List<ReportFile> files) {
    return new RunReport(name, phase, "2025-06-01T12:00:00.123Z", 61_000, files, Set.of(), List.of());
  }

  /**
   * {@code count} files over {@code shards} shards, back to back on each, every tenth one failed
   * with a message and a screenshot, tags from a small set.
   */
  static RunReport synthetic(int count, int shards) {
    List<ReportFile> files = new ArrayList<>(count);
    long[] shardClock = new long[shards];
    for (int i = 0; i < count; i++) {
      int shard = i % shards;
      long duration = 800 + (i * 7919L) % 9000;
      String file = "area-" + (i % 40) + "/feature-" + i + ".json";
      List<String> tags = List.of("area-" + (i % 40), i % 3 == 0 ? "smoke" : "regression");
      files.add(i % 10 == 0
          ? new ReportFile(file, shard, Outcome.FAILED, shardClock[shard], duration, 1, tags, 3,
              "steps[3] assertText css=.total: expected '$41.00' but was '$42.00'", shard + "/" + file.replace(".json", "/failure.png"))
          : new ReportFile(file, shard, Outcome.PASSED, shardClock[shard], duration, 1, tags, null, null, null));
      shardClock[shard] += duration;
    }
    return new RunReport("run-20250601-120000-000", "Failed", "2025-06-01T12:00:00.123Z",
        IntStream.range(0, shards).mapToLong(s -> shardClock[s]).max().orElse(0), files, Set.of("area-1/feature-1.json"), List.of());
  }

  static Document parse(String html) throws Exception {
    return DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  /** Every element with the given tag whose attribute {@code attribute} is present. */
  static List<Element> withAttribute(Document page, String tag, String attribute) {
    NodeList found = page.getElementsByTagName(tag);
    return IntStream.range(0, found.getLength()).mapToObj(i -> (Element) found.item(i))
        .filter(e -> e.hasAttribute(attribute)).toList();
  }

  /** Every element with the given tag whose class list has {@code className}. */
  static List<Element> withClass(Document page, String tag, String className) {
    NodeList found = page.getElementsByTagName(tag);
    return IntStream.range(0, found.getLength()).mapToObj(i -> (Element) found.item(i))
        .filter(e -> List.of(e.getAttribute("class").split(" ")).contains(className)).toList();
  }

  /** The tables under {@code parent} as text, a line per row: {@code | cell | cell |}. */
  static String table(Element parent) {
    NodeList rows = parent.getElementsByTagName("tr");
    return IntStream.range(0, rows.getLength()).mapToObj(i -> {
      NodeList cells = ((Element) rows.item(i)).getChildNodes();
      return IntStream.range(0, cells.getLength()).mapToObj(j -> " " + cells.item(j).getTextContent() + " ")
          .collect(Collectors.joining("|", "|", "|"));
    }).collect(Collectors.joining("\n", "", "\n"));
  }
}
