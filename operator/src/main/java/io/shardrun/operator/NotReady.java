package io.shardrun.operator;

/**
 * The run cannot start yet and will be looked at again: becomes condition Ready=False with this
 * reason and message, and a warning Event.
 */
final class NotReady extends RuntimeException {
  private final String reason;

  NotReady(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  String reason() {
    return reason;
  }
}
