package io.shardrun.core.report;

import io.shardrun.core.Durations;
import java.util.Comparator;
import java.util.List;

/** Every file of a run that failed or ended in an error, with what is known of why. */
final class FailureList {
  static final String STYLE = """
      .failures .message{white-space:pre-wrap;word-break:break-word;font-family:ui-monospace,monospace;font-size:12px}
      .failures img{display:block;max-width:160px;max-height:100px;margin-top:4px;border:1px solid #ccc}
      .outcome{color:#fff;padding:0 4px;border-radius:3px}
      """;

  private FailureList() {}

  /** The failures section of a report of {@code files}, by shard, then path. */
  static String render(List<ReportFile> files) {
    List<ReportFile> failures = files.stream().filter(f -> f.status().isBad())
        .sorted(Comparator.comparingInt(ReportFile::shard).thenComparing(ReportFile::file)).toList();
    StringBuilder out = new StringBuilder(failures.size() * 300 + 256);
    out.append("<section class=\"failures\">\n<h2>Failures and errors</h2>\n");
    if (failures.isEmpty()) {
      return out.append("<p>No file failed or ended in an error.</p>\n</section>\n").toString();
    }
    out.append("<table>\n<tr><th>outcome</th><th>file</th><th>shard</th><th>step</th><th>attempts</th>"
        + "<th>duration</th><th>message</th><th>screenshot</th></tr>\n");
    failures.forEach(f -> appendRow(out, f));
    return out.append("</table>\n</section>\n").toString();
  }

  private static void appendRow(StringBuilder out, ReportFile f) {
    String outcome = f.status().label();
    out.append("<tr class=\"failure\"><td><span class=\"outcome ").append(outcome).append("\">").append(outcome)
        .append("</span></td><td>").append(Html.escape(f.file()))
        .append("</td><td class=\"n\">").append(f.shard())
        .append("</td><td>").append(f.failedStep() == null ? "" : "steps[" + f.failedStep() + "]")
        .append("</td><td class=\"n\">").append(f.attempts())
        .append("</td><td class=\"n\">").append(Durations.format(f.durationMs()))
        .append("</td><td class=\"message\">").append(Html.escape(f.message()))
        .append("</td><td>");
    if (f.screenshot() != null) {
      appendScreenshot(out, ScreenshotLink.of(f.screenshot()));
    }
    out.append("</td></tr>\n");
  }

  private static void appendScreenshot(StringBuilder out, ScreenshotLink link) {
    String href = Html.escape(link.href());
    out.append("<a class=\"screenshot\" href=\"").append(href).append("\">screenshot");
    if (link.local()) {
      out.append("<img src=\"").append(href).append("\" alt=\"\" loading=\"lazy\"/>");
    }
    out.append("</a>");
  }
}
