package io.shardrun.core.action;

import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What an event may hold and how {@code waitForEvent} patterns read, for validation and the
 * executor alike. The limits keep a shard's events small enough to travel in its result
 * annotation.
 */
public final class EventRules {
  /** A topic: a letter or digit, then letters, digits, '.', '_', '-' or '/'. */
  public static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");
  public static final String TOPIC_EXPECTED = "a topic (1 to 64 letters, digits, '.', '_', '-' or '/', starting with a letter or digit)";
  public static final int MAX_VALUE_CHARS = 200;
  public static final int MAX_PER_FILE = 10;
  public static final int MAX_PER_SHARD = 50;
  private static final Pattern ANY = Pattern.compile(".*", Pattern.DOTALL);

  private EventRules() {}

  /**
   * The pattern a {@code waitForEvent} value stands for: a Java regular expression the whole value
   * must match, each ${NAME} in it standing for the variable's value taken literally; empty
   * matches any value.
   *
   * @param lookup a variable's value by name
   * @throws PatternSyntaxException when it is no regular expression
   */
  public static Pattern pattern(String written, Function<String, String> lookup) {
    if (written.isEmpty()) {
      return ANY;
    }
    return Pattern.compile(Variables.substitute(written, name -> Pattern.quote(lookup.apply(name))), Pattern.DOTALL);
  }

  /** Whether {@code written} compiles as a pattern, whatever its variables hold. */
  public static boolean isPattern(String written) {
    try {
      pattern(written, name -> "x");
      return true;
    } catch (PatternSyntaxException e) {
      return false;
    }
  }
}
