package io.shardrun.core.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ${NAME} references in step fields: syntax checks and substitution. */
public final class Variables {
  public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");

  private Variables() {}

  /** The problem with the references in {@code text}, if any (bad name, unclosed brace). */
  public static Optional<String> syntaxError(String text) {
    Matcher m = REFERENCE.matcher(text);
    int end = 0;
    while (m.find()) {
      if (!NAME.matcher(m.group(1)).matches()) {
        return Optional.of("'${" + m.group(1) + "}' is not a variable reference; expected ${NAME} with NAME matching " + NAME.pattern());
      }
      end = m.end();
    }
    if (text.indexOf("${", end) >= 0) {
      return Optional.of("'${' is not closed; expected ${NAME}");
    }
    return Optional.empty();
  }

  /** Names referenced in {@code text}, in order. */
  public static List<String> referenced(String text) {
    List<String> names = new ArrayList<>();
    Matcher m = REFERENCE.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /**
   * Replaces every reference whose name {@code lookup} knows; others stay as written (a later
   * stage, or an error, deals with them).
   */
  public static String substitute(String text, Function<String, String> lookup) {
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement = lookup.apply(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  public static String substitute(String text, Map<String, String> values) {
    return substitute(text, values::get);
  }
}
