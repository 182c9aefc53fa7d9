package io.shardrun.core.report;

import io.shardrun.core.variant.VariantComparison;
import java.util.Comparator;
import java.util.List;

/**
 * The variants that passed but whose steps differ from their file's first variant (compare:
 * report); a strict run lists them with the failures instead. Nothing for a run without them.
 */
final class VariantDifferences {
  private VariantDifferences() {}

  static String render(List<ReportFile> files) {
    List<ReportFile> differing = files.stream().filter(f -> VariantComparison.differs(f.status(), f.message()))
        .sorted(Comparator.comparing(ReportFile::file)).toList();
    if (differing.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("<section class=\"failures\">\n<h2>Variants that differ</h2>\n"
        + "<table>\n<tr><th>file</th><th>shard</th><th>differences</th></tr>\n");
    differing.forEach(f -> out.append("<tr><td>").append(Html.escape(f.file())).append("</td><td class=\"n\">").append(f.shard())
        .append("</td><td class=\"message\">").append(Html.escape(f.message())).append("</td></tr>\n"));
    return out.append("</table>\n</section>\n").toString();
  }
}
