package io.shardrun.core.suite;

/** A suite that cannot be loaded at all (missing folder, unreadable file, too large). */
public class SuiteException extends RuntimeException {
  public SuiteException(String message) {
    super(message);
  }
}
