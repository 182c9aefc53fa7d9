package io.shardrun.core.report;

import io.shardrun.core.Durations;
import io.shardrun.core.results.Event;
import java.time.Instant;
import java.util.List;

/** The cross-shard events the run's files published, in the order published. Nothing for a run without them. */
final class EventList {
  private EventList() {}

  /** @param startedAt the run's start (ISO-8601): each event shows how long after it it was published */
  static String render(List<Event> events, String startedAt) {
    if (events.isEmpty()) {
      return "";
    }
    long runStart = Instant.parse(startedAt).toEpochMilli();
    StringBuilder out = new StringBuilder("<section class=\"events\">\n<h2>Cross-shard events</h2>\n"
        + "<table>\n<tr><th>after</th><th>topic</th><th>value</th><th>published by</th><th>shard</th></tr>\n");
    events.forEach(e -> out.append("<tr><td class=\"n\">").append(Durations.format(Math.max(0, e.publishedMs() - runStart)))
        .append("</td><td>").append(Html.escape(e.topic())).append("</td><td>").append(Html.escape(e.value()))
        .append("</td><td>").append(Html.escape(e.file())).append("</td><td class=\"n\">").append(e.shard()).append("</td></tr>\n"));
    return out.append("</table>\n</section>\n").toString();
  }
}
