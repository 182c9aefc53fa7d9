package io.shardrun.operator.decide;

/**
 * A Kubernetes Event on the TestRun, emitted once its transition is written.
 *
 * @param warning type Warning rather than Normal
 */
public record Announcement(boolean warning, String reason, String message) {
  public static Announcement normal(String reason, String message) {
    return new Announcement(false, reason, message);
  }

  public static Announcement warning(String reason, String message) {
    return new Announcement(true, reason, message);
  }
}
