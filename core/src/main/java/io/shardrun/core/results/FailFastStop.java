package io.shardrun.core.results;

/**
 * How a run with fail-fast stops, said the same way locally and in the cluster: the files not
 * started end skipped with {@link #skipped(String)}. In the cluster the operator tells every shard
 * pod that runs by writing the first failed file to that pod's annotation {@value #ANNOTATION},
 * which the executor reads before each file.
 */
public final class FailFastStop {
  public static final String ANNOTATION = "shardrun.io/stop";

  private FailFastStop() {}

  /** The message of a file not started because {@code firstFailed} did not pass. */
  public static String skipped(String firstFailed) {
    return "skipped (fail-fast): " + firstFailed + " did not pass";
  }
}
