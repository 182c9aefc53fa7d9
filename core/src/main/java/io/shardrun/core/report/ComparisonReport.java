package io.shardrun.core.report;

import io.shardrun.core.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Runs side by side, as one self-contained HTML file that loads nothing from elsewhere and runs no
 * script: per run its phase, duration and file counts, then a matrix of tag by run with passed /
 * failed per cell, empty where the run has no file with that tag. Runs are columns, in the given
 * order; tags are rows, in order.
 */
public final class ComparisonReport {
  private static final String STYLE = """
      .runs .verdict{font-size:14px}
      .matrix td{text-align:center;min-width:64px}
      """;

  private ComparisonReport() {}

  /** The whole HTML document; write it as UTF-8. */
  public static String render(List<RunReport> runs) {
    String title = "Comparison of " + runs.size() + (runs.size() == 1 ? " run" : " runs");
    StringBuilder body = new StringBuilder(4096);
    body.append("<h1>").append(title).append("</h1>\n");
    appendRuns(body, runs);
    appendMatrix(body, runs);
    return Page.of("Shardrun: " + title, STYLE, body);
  }

  private static void appendRuns(StringBuilder out, List<RunReport> runs) {
    out.append("<section class=\"runs\">\n<h2>Runs</h2>\n<table>\n");
    appendHeadings(out, "", runs);
    List<Counts> counts = runs.stream().map(r -> Counts.of(r.files())).toList();
    out.append("<tr><th>phase</th>");
    runs.forEach(r -> out.append("<td><span class=\"verdict\" data-phase=\"").append(Html.escape(r.phase())).append("\">")
        .append(Html.escape(r.phase())).append("</span></td>"));
    out.append("</tr>\n");
    appendRow(out, "started", runs, r -> Html.escape(r.startedAt()));
    appendRow(out, "duration", runs, r -> Durations.format(r.durationMs()));
    appendRow(out, "files", counts, c -> Integer.toString(c.files()));
    appendRow(out, "passed", counts, c -> Integer.toString(c.passed()));
    appendRow(out, "failed", counts, c -> Integer.toString(c.failed()));
    appendRow(out, "skipped", counts, c -> Integer.toString(c.skipped()));
    appendRow(out, "errors", counts, c -> Integer.toString(c.errors()));
    out.append("</table>\n</section>\n");
  }

  private static void appendMatrix(StringBuilder out, List<RunReport> runs) {
    out.append("<section class=\"matrix\">\n<h2>By tag: passed / failed</h2>\n");
    List<SortedMap<String, TagTally>> tallies = runs.stream().map(r -> TagTally.byTag(r.files())).toList();
    TreeSet<String> tags = new TreeSet<>();
    tallies.forEach(t -> tags.addAll(t.keySet()));
    if (tags.isEmpty()) {
      out.append("<p>No file of these runs has tags.</p>\n</section>\n");
      return;
    }
    out.append("<table>\n");
    appendHeadings(out, "tag", runs);
    for (String tag : tags) {
      List<String> cells = new ArrayList<>(tallies.size());
      tallies.forEach(t -> cells.add(t.containsKey(tag) ? t.get(tag).cell() : ""));
      appendRow(out, Html.escape(tag), cells, cell -> cell);
    }
    out.append("</table>\n<p>").append(TagTally.MEANING).append("</p>\n</section>\n");
  }

  private static void appendHeadings(StringBuilder out, String corner, List<RunReport> runs) {
    out.append("<tr><th>").append(corner).append("</th>");
    runs.forEach(r -> out.append("<th>").append(Html.escape(r.run())).append("</th>"));
    out.append("</tr>\n");
  }

  /** A row headed {@code heading} (markup), a cell per value: {@code cell} gives its markup. */
  private static <T> void appendRow(StringBuilder out, String heading, List<T> values, Function<T, String> cell) {
    out.append("<tr><th>").append(heading).append("</th>");
    values.forEach(v -> out.append("<td>").append(cell.apply(v)).append("</td>"));
    out.append("</tr>\n");
  }
}
