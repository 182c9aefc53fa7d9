package io.shardrun.cli;

import io.shardrun.core.plan.BatchPolicy;

/** A {@code --batch} value: how much work a shard of a dynamic run takes at a time. */
final class BatchFlag {
  static final String FORMS = "time:SECONDS, count:N, off or shrinking";

  private BatchFlag() {}

  static BatchPolicy parse(String flag, String text) {
    if (text.equals("shrinking")) {
      return BatchPolicy.shrinking();
    }
    if (text.equals("off")) {
      return new BatchPolicy(BatchPolicy.Mode.OFF, 0);
    }
    int colon = text.indexOf(':');
    String mode = colon < 0 ? text : text.substring(0, colon);
    if (colon > 0 && (mode.equals("time") || mode.equals("count"))) {
      try {
        int target = Integer.parseInt(text.substring(colon + 1));
        if (target >= 1) {
          return new BatchPolicy(mode.equals("time") ? BatchPolicy.Mode.TIME : BatchPolicy.Mode.COUNT, target);
        }
      } catch (NumberFormatException e) {
        // said below
      }
    }
    throw new CliException(flag + ": expected " + FORMS + " (SECONDS and N whole numbers >= 1), got '" + text + "'");
  }
}
