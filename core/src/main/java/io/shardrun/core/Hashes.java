package io.shardrun.core;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-1 of text: for placement (hash sharding) and short stable name suffixes, not for security. */
public final class Hashes {
  private Hashes() {}

  /** The SHA-1 digest of {@code text}'s UTF-8 bytes, read as an unsigned integer. */
  public static BigInteger sha1(String text) {
    try {
      return new BigInteger(1, MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-1", e);
    }
  }
}
