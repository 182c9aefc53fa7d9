package io.shardrun.core.variant;

import java.util.regex.Pattern;

/**
 * The name of a (file, variant) pair wherever a run names files: {@code PATH#VARIANT}. Every
 * action file's path ends in {@code .json} and no variant name holds a '.', so the two parts
 * are always told apart, and a path without a variant is its own id.
 */
public final class VariantIds {
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");
  private static final char SEPARATOR = '#';

  private VariantIds() {}

  public static String of(String path, String variant) {
    return path + SEPARATOR + variant;
  }

  /** A file's meta.name as a run in a variant shows it: {@code NAME [VARIANT]}, so JUnit tells the variants apart. */
  public static String name(String metaName, String id) {
    String variant = variant(id);
    return variant == null ? metaName : metaName + " [" + variant + "]";
  }

  /** The action file's path of an id. */
  public static String path(String id) {
    int at = split(id);
    return at < 0 ? id : id.substring(0, at);
  }

  /** The variant of an id; null for a file run without variants. */
  public static String variant(String id) {
    int at = split(id);
    return at < 0 ? null : id.substring(at + 1);
  }

  private static int split(String id) {
    int at = id.lastIndexOf(SEPARATOR);
    boolean isVariant = at > 0 && id.startsWith(".json", at - 5) && NAME.matcher(id.substring(at + 1)).matches();
    return isVariant ? at : -1;
  }
}
