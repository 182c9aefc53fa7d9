package io.shardrun.core.render;

import io.shardrun.core.Hashes;

/**
 * Names of the objects made for a TestRun. Each stays within 63 characters (a Job name becomes a
 * label value); a name that would be longer keeps its start and gets a hash suffix, so two long
 * TestRun names never collide.
 */
public final class Names {
  public static final int MAX = 63;

  private Names() {}

  public static String planConfigMap(String testRun) {
    return fit(testRun, "-plan");
  }

  /** Where the operator keeps each shard's final results, so they outlive the shard's pods. */
  public static String resultsConfigMap(String testRun) {
    return fit(testRun, "-results");
  }

  public static String shardJob(String testRun, int shard) {
    return fit(testRun, "-shard-" + shard);
  }

  /** The TestRun name as a label value (label values are limited to 63 characters). */
  public static String labelValue(String testRun) {
    return fit(testRun, "");
  }

  /** {@code base + suffix}, or {@code base[:n] + "-" + hash8 + suffix} when that is too long. */
  public static String fit(String base, String suffix) {
    String name = base + suffix;
    if (name.length() <= MAX) {
      return name;
    }
    String hash = sha1Hex(base).substring(0, 8);
    String head = base.substring(0, MAX - suffix.length() - hash.length() - 1);
    head = head.replaceAll("[-.]+$", ""); // a name must end alphanumeric
    return head + "-" + hash + suffix;
  }

  private static String sha1Hex(String text) {
    return String.format("%040x", Hashes.sha1(text));
  }
}
