package io.shardrun.core;

/** Human-readable durations, as kubectl prints them: 850ms, 42s, 4m12s, 1h03m. */
public final class Durations {
  private Durations() {}

  public static String format(long ms) {
    if (ms < 1000) {
      return ms + "ms";
    }
    long s = Math.round(ms / 1000.0);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m" + String.format("%02d", s % 60) + "s";
    }
    return (s / 3600) + "h" + String.format("%02d", (s % 3600) / 60) + "m";
  }

  /**
   * As {@link #format}, but to a tenth of a second below a minute ({@code 1.5s}), for figures
   * set against each other, such as a plan's shards and their ratio.
   */
  public static String formatTenths(long ms) {
    return ms < 60_000 ? String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0) : format(ms);
  }
}
