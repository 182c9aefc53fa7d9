package io.shardrun.executor.step;

/** A step did not hold: the application under test is at fault (a test failure). */
public class StepFailedException extends RuntimeException {
  private final String observed;

  public StepFailedException(String message, String observed) {
    super(message);
    this.observed = observed;
  }

  public StepFailedException(String message) {
    this(message, null);
  }

  /** What the browser showed, when the step read something; null otherwise. */
  public String observed() {
    return observed;
  }
}
