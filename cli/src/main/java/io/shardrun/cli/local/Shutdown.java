package io.shardrun.cli.local;

/** Whether this JVM is shutting down: a run stopped by SIGINT or SIGTERM writes no reports. */
public final class Shutdown {
  private Shutdown() {}

  /**
   * True once a signal (or {@code System.exit}) has started the shutdown hooks. The browsers of
   * an interrupted run are killed by such a hook, so when its files end in errors, this is
   * already true.
   */
  public static boolean inProgress() {
    Thread probe = new Thread(() -> {});
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }
}
