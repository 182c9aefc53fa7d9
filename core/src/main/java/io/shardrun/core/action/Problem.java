package io.shardrun.core.action;

/**
 * One thing wrong with a suite, located as precisely as possible.
 *
 * @param file the suite-relative path of the file at fault
 * @param where where in it: {@code line 3, column 7}, {@code steps[2].target},
 *     {@code meta.depends_on[0]}; null for the whole file
 * @param message what was found and what was expected
 */
public record Problem(String file, String where, String message) {
  @Override
  public String toString() {
    return where == null ? file + ": " + message : file + ": " + where + ": " + message;
  }
}
