package io.shardrun.executor.budget;

import io.shardrun.core.results.PageMetrics;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Reads the current document's navigation from the browser's own Performance API in one script
 * call: navigation timing, Largest Contentful Paint and the bytes transferred for the document
 * and its resources.
 */
final class NavigationReader {
  /**
   * Answers at once when the navigation is the one read last (the common case: a step that did
   * not navigate). Otherwise it waits, at most {@code arguments[1]} ms, for the load event to end
   * and for a rendered frame: LCP entries exist only once the page has painted, and a buffered
   * PerformanceObserver is the only way to read them. After three animation frames past load
   * with no entry, the page has no contentful paint to report.
   */
  private static final String SCRIPT = """
      var lastKey = arguments[0], maxWaitMs = arguments[1], done = arguments[arguments.length - 1];
      var nav = performance.getEntriesByType('navigation')[0];
      if (!nav) { done(null); return; }
      var key = performance.timeOrigin + ' ' + nav.name;
      if (key === lastKey) { done({key: key}); return; }
      var lcp = null, observer = null, frames = 0, deadline = Date.now() + maxWaitMs;
      try {
        observer = new PerformanceObserver(function (list) { var e = list.getEntries(); if (e.length) lcp = e[e.length - 1]; });
        observer.observe({type: 'largest-contentful-paint', buffered: true});
      } catch (e) { observer = null; }
      function ms(v) { return v > 0 ? Math.round(v) : null; }
      function finish() {
        if (observer) { observer.disconnect(); }
        var bytes = nav.transferSize;
        performance.getEntriesByType('resource').forEach(function (r) { bytes += r.transferSize || 0; });
        done({key: key, url: location.href, path: location.pathname, ttfbMs: ms(nav.responseStart),
            domContentLoadedMs: ms(nav.domContentLoadedEventEnd), loadMs: ms(nav.loadEventEnd),
            lcpMs: lcp ? ms(lcp.startTime) : null, transferBytes: bytes});
      }
      function poll() {
        if (observer) { var r = observer.takeRecords(); if (r.length) { lcp = r[r.length - 1]; } }
        if (nav.loadEventEnd > 0) { frames++; }
        if ((nav.loadEventEnd > 0 && (lcp || frames > 3)) || Date.now() > deadline) { finish(); }
        else { requestAnimationFrame(function () { setTimeout(poll, 0); }); }
      }
      poll();
      """;
  /** How long a new page may take to finish loading and paint before it is measured as it is. */
  private static final long MAX_WAIT_MS = 3000;

  /** A navigation as read: what identifies it, the URL's path, and its metrics. */
  record Navigation(String key, String path, PageMetrics metrics) {}

  private final JavascriptExecutor browser;

  NavigationReader(WebDriver driver) {
    this.browser = (JavascriptExecutor) driver;
  }

  /**
   * The current document's navigation, or empty when it has none (no page loaded yet) or when it
   * is the one {@code lastKey} identifies.
   *
   * @param lastKey the key of the navigation read last; null to read whatever is there
   */
  Optional<Navigation> read(String lastKey) {
    Object result = browser.executeAsyncScript(SCRIPT, lastKey, MAX_WAIT_MS);
    if (!(result instanceof Map<?, ?> found) || !found.containsKey("url")) {
      return Optional.empty();
    }
    PageMetrics metrics = new PageMetrics((String) found.get("url"), null, whole(found.get("ttfbMs")),
        whole(found.get("domContentLoadedMs")), whole(found.get("loadMs")), whole(found.get("lcpMs")),
        whole(found.get("transferBytes")));
    return Optional.of(new Navigation((String) found.get("key"), (String) found.get("path"), metrics));
  }

  private static Long whole(Object value) {
    return value instanceof Number n ? Math.round(n.doubleValue()) : null;
  }
}
