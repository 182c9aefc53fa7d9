package io.shardrun.core.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * What the browser's Performance API reported for one navigation. A metric the browser did not
 * report is null (left out of JSON), never 0: an absent LCP is not an instant one.
 *
 * @param url the page's URL, with the run's environment values masked
 * @param route the budgets.json route it was checked against; null when none matches
 * @param ttfbMs time to the first byte of the response, from the start of the navigation
 * @param domContentLoadedMs when DOMContentLoaded's handlers had run
 * @param loadMs when the load event's handlers had run
 * @param lcpMs Largest Contentful Paint
 * @param transferBytes bytes transferred for the document and its resources (0 for what came from the cache)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"url", "route", "ttfbMs", "domContentLoadedMs", "loadMs", "lcpMs", "transferBytes"})
public record PageMetrics(String url, String route, Long ttfbMs, Long domContentLoadedMs, Long loadMs, Long lcpMs,
    Long transferBytes) {

  /** The metrics the browser reported, {@code ttfbMs 12, lcpMs 80}; {@code none reported} when none. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    add(parts, "ttfbMs", ttfbMs);
    add(parts, "domContentLoadedMs", domContentLoadedMs);
    add(parts, "loadMs", loadMs);
    add(parts, "lcpMs", lcpMs);
    add(parts, "transferBytes", transferBytes);
    return parts.isEmpty() ? "none reported" : String.join(", ", parts);
  }

  private static void add(List<String> parts, String name, Long value) {
    if (value != null) {
      parts.add(name + " " + value);
    }
  }

  /** The same metrics, of {@code url} (masked, say), checked against {@code route}. */
  public PageMetrics with(String url, String route) {
    return new PageMetrics(url, route, ttfbMs, domContentLoadedMs, loadMs, lcpMs, transferBytes);
  }
}
