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
  /** One line, {@code FILE: WHERE: MESSAGE}, even for a file name with a line break or tab in it. */
  @Override
  public String toString() {
    String name = printable(file);
    return where == null ? name + ": " + message : name + ": " + where + ": " + message;
  }

  /** The text with each control character written as an escape such as {@code \n} or {@code \t}. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
