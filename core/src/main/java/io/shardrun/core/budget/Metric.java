package io.shardrun.core.budget;

import io.shardrun.core.results.PageMetrics;
import java.util.Arrays;
import java.util.List;

/** A measurement a budget may limit, by the name budgets.json and results give it. */
public enum Metric {
  TTFB("ttfbMs"),
  DOM_CONTENT_LOADED("domContentLoadedMs"),
  LOAD("loadMs"),
  LCP("lcpMs"),
  TRANSFER_BYTES("transferBytes");

  private final String wireName;

  Metric(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static List<String> wireNames() {
    return Arrays.stream(values()).map(Metric::wireName).toList();
  }

  /** This metric of {@code page}; null when the browser did not report it. */
  public Long of(PageMetrics page) {
    return switch (this) {
      case TTFB -> page.ttfbMs();
      case DOM_CONTENT_LOADED -> page.domContentLoadedMs();
      case LOAD -> page.loadMs();
      case LCP -> page.lcpMs();
      case TRANSFER_BYTES -> page.transferBytes();
    };
  }
}
