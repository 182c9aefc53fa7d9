package io.shardrun.core.action;

import java.util.List;

/**
 * A parsed, validated action file: one test.
 *
 * @param path path relative to the suite root, '/' separated
 * @param meta its meta block
 * @param steps its steps with templates expanded
 */
public record ActionFile(String path, Meta meta, List<Step> steps) {

  /** The file name without folders: what depends_on usually names. */
  public String basename() {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
