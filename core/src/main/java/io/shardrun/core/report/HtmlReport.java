package io.shardrun.core.report;

import io.shardrun.core.Durations;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;

/**
 * The report of one run, as one self-contained HTML file: the verdict and counts, every failure
 * and error (with a link to its screenshot), the shard timeline, the cross-shard events, passed and failed files per tag,
 * and the files of the run that the suite's history shows as flaky. It loads nothing from
 * elsewhere and runs no script; every text from the run is escaped.
 */
public final class HtmlReport {
  private static final String STYLE = """
      .counts{display:flex;flex-wrap:wrap;gap:8px;margin:12px 0;padding:0}
      .counts div{border:1px solid #ddd;border-radius:4px;padding:4px 12px;min-width:64px}
      .counts dt{font-size:12px;color:#555}
      .counts dd{margin:0;font-size:18px;font-weight:600}
      """ + FailureList.STYLE + ShardTimeline.STYLE;

  private HtmlReport() {}

  /** The whole HTML document; write it as UTF-8. */
  public static String render(RunReport report) {
    List<ReportFile> files = report.files();
    List<ReportFile> flaky = files.stream().filter(f -> report.flaky().contains(f.file()))
        .sorted(Comparator.comparing(ReportFile::file)).toList();
    StringBuilder body = new StringBuilder(files.size() * 300 + 4096);
    appendHeader(body, report, flaky.size());
    body.append(FailureList.render(files));
    body.append(VariantDifferences.render(files));
    body.append(ShardTimeline.render(files));
    body.append(EventList.render(report.events(), report.startedAt()));
    appendTags(body, files);
    appendFlaky(body, flaky);
    return Page.of("Shardrun run " + report.run() + ": " + report.phase(), STYLE, body);
  }

  private static void appendHeader(StringBuilder out, RunReport report, int flaky) {
    Counts counts = Counts.of(report.files());
    out.append("<header>\n<h1>Run ").append(Html.escape(report.run())).append("</h1>\n")
        .append("<p class=\"verdict\" data-phase=\"").append(Html.escape(report.phase())).append("\">")
        .append(Html.escape(report.phase())).append("</p>\n")
        .append("<p>Started ").append(Html.escape(report.startedAt())).append("</p>\n<dl class=\"counts\">");
    appendCount(out, "files", Integer.toString(counts.files()));
    appendCount(out, "passed", Integer.toString(counts.passed()));
    appendCount(out, "failed", Integer.toString(counts.failed()));
    appendCount(out, "skipped", Integer.toString(counts.skipped()));
    appendCount(out, "errors", Integer.toString(counts.errors()));
    appendCount(out, "flaky", Integer.toString(flaky));
    appendCount(out, "duration", Durations.format(report.durationMs()));
    out.append("</dl>\n</header>\n");
  }

  private static void appendCount(StringBuilder out, String name, String value) {
    out.append("<div data-count=\"").append(name).append("\"><dt>").append(name).append("</dt><dd>").append(value)
        .append("</dd></div>");
  }

  private static void appendTags(StringBuilder out, List<ReportFile> files) {
    out.append("<section class=\"tags\">\n<h2>By tag</h2>\n");
    SortedMap<String, TagTally> tallies = TagTally.byTag(files);
    if (tallies.isEmpty()) {
      out.append("<p>No file has tags.</p>\n</section>\n");
      return;
    }
    out.append("<table>\n<tr><th>tag</th><th>passed</th><th>failed</th></tr>\n");
    tallies.forEach((tag, tally) -> out.append("<tr><td>").append(Html.escape(tag))
        .append("</td><td class=\"n\">").append(tally.passed())
        .append("</td><td class=\"n\">").append(tally.failed()).append("</td></tr>\n"));
    out.append("</table>\n<p>").append(TagTally.MEANING).append("</p>\n</section>\n");
  }

  private static void appendFlaky(StringBuilder out, List<ReportFile> flaky) {
    out.append("<section class=\"flaky\">\n<h2>Flaky files in this run</h2>\n");
    if (flaky.isEmpty()) {
      out.append("<p>None of this run's files is flaky in the suite's history.</p>\n</section>\n");
      return;
    }
    out.append("<ul>\n");
    flaky.forEach(f -> out.append("<li>").append(Html.escape(f.file())).append(": ").append(f.status().label())
        .append(f.attempts() > 1 ? " after " + f.attempts() + " attempts" : "").append("</li>\n"));
    out.append("</ul>\n</section>\n");
  }
}
