package io.shardrun.core.report;

import io.shardrun.core.Durations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's shards on one time axis: a row per shard that has files, a bar per file with a known
 * start, coloured by outcome, each row's end, and the gap between the fastest and the slowest
 * shard, which is what better balancing could win.
 */
final class ShardTimeline {
  static final String STYLE = """
      .row,.axis{display:grid;grid-template-columns:70px 1fr 110px;gap:8px;align-items:center;margin:2px 0}
      .track{position:relative;height:18px;background:#f2f2f2}
      .bar{position:absolute;top:2px;bottom:2px;min-width:1px;box-shadow:inset -1px 0 #fff}
      .end{font-size:12px;color:#444}
      .ticks{position:relative;height:16px;font-size:11px;color:#555}
      .ticks span{position:absolute;transform:translateX(-50%)}
      .ticks span:first-child{transform:none}
      .ticks span:last-child{transform:translateX(-100%)}
      .key{display:inline-block;width:10px;height:10px;margin:0 4px 0 14px}
      .key:first-child{margin-left:0}
      """;
  private static final int TICKS = 4;

  /** One shard: its files with a start, in start order, and when it ended. */
  private record Row(int shard, List<ReportFile> placed, long endMs) {}

  private ShardTimeline() {}

  /** The timeline section of a report of {@code files}. */
  static String render(List<ReportFile> files) {
    List<Row> rows = rows(files);
    long axisMs = Math.max(1, rows.stream().mapToLong(Row::endMs).max().orElse(0));
    StringBuilder out = new StringBuilder(files.size() * 160 + 1024);
    out.append("<section class=\"timeline\">\n<h2>Shard timeline</h2>\n<p class=\"legend\">");
    for (String outcome : List.of("passed", "failed", "skipped", "error")) {
      out.append("<span class=\"key ").append(outcome).append("\"></span>").append(outcome);
    }
    out.append("</p>\n");
    rows.forEach(row -> appendRow(out, row, axisMs));
    appendAxis(out, axisMs);
    out.append("<p class=\"gap\">").append(gap(rows)).append("</p>\n</section>\n");
    return out.toString();
  }

  private static List<Row> rows(List<ReportFile> files) {
    Map<Integer, List<ReportFile>> byShard = new TreeMap<>();
    files.forEach(f -> byShard.computeIfAbsent(f.shard(), s -> new ArrayList<>()).add(f));
    List<Row> rows = new ArrayList<>(byShard.size());
    byShard.forEach((shard, shardFiles) -> {
      List<ReportFile> placed = shardFiles.stream().filter(f -> f.startMs() != null)
          .sorted(Comparator.comparingLong(ReportFile::startMs)).toList();
      // Without any start time, the best known end: a shard runs its files one after another.
      long end = placed.isEmpty()
          ? shardFiles.stream().mapToLong(ReportFile::durationMs).sum()
          : placed.stream().mapToLong(f -> f.startMs() + f.durationMs()).max().getAsLong();
      rows.add(new Row(shard, placed, end));
    });
    return rows;
  }

  private static void appendRow(StringBuilder out, Row row, long axisMs) {
    out.append("<div class=\"row\" data-shard=\"").append(row.shard()).append("\"><span>shard ").append(row.shard())
        .append("</span><div class=\"track\">");
    for (ReportFile file : row.placed()) {
      String name = Html.escape(file.file());
      String outcome = file.status().label();
      out.append("<div class=\"bar ").append(outcome).append("\" data-file=\"").append(name)
          .append("\" style=\"left:").append(percent(file.startMs(), axisMs))
          .append(";width:").append(percent(file.durationMs(), axisMs))
          .append("\" title=\"").append(name).append(", ").append(outcome).append(", ")
          .append(Durations.format(file.durationMs())).append("\"></div>");
    }
    out.append("</div><span class=\"end\">ends at ").append(Durations.format(row.endMs())).append("</span></div>\n");
  }

  private static void appendAxis(StringBuilder out, long axisMs) {
    out.append("<div class=\"axis\"><span></span><div class=\"ticks\">");
    for (int i = 0; i <= TICKS; i++) {
      long at = axisMs * i / TICKS;
      out.append("<span style=\"left:").append(percent(at, axisMs)).append("\">")
          .append(Durations.format(at)).append("</span>");
    }
    out.append("</div><span></span></div>\n");
  }

  /** The fastest and the slowest shard's ends, and the gap between them, in words. */
  private static String gap(List<Row> rows) {
    if (rows.isEmpty()) {
      return "No shard ran files.";
    }
    if (rows.size() == 1) {
      return "One shard ran files: there is no gap between shards.";
    }
    Row fastest = rows.stream().min(Comparator.comparingLong(Row::endMs)).orElseThrow();
    Row slowest = rows.stream().max(Comparator.comparingLong(Row::endMs)).orElseThrow();
    return "The slowest shard, shard " + slowest.shard() + ", ended at " + Durations.format(slowest.endMs())
        + "; the fastest, shard " + fastest.shard() + ", at " + Durations.format(fastest.endMs())
        + ": a gap of " + Durations.format(slowest.endMs() - fastest.endMs()) + ".";
  }

  /** {@code part} of {@code whole} as a CSS percentage to three decimals, {@code 33.333%}, without String.format's cost per bar. */
  private static String percent(long part, long whole) {
    long thousandths = Math.round(part * 100_000.0 / whole);
    long fraction = thousandths % 1000;
    return thousandths / 1000 + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction + "%";
  }
}
