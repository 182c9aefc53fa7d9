package io.shardrun.cli;

/** A failure to report as one line on stderr with a given exit code. */
public class CliException extends RuntimeException {
  private final int exitCode;

  public CliException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public CliException(String message) {
    this(message, ExitCodes.USAGE_OR_INFRASTRUCTURE);
  }

  public int exitCode() {
    return exitCode;
  }
}
