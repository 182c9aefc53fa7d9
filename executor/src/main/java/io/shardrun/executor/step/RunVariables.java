package io.shardrun.executor.step;

import io.shardrun.core.action.Variables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.Keys;

/**
 * The variables of one file's run: the environment (BASE_URL, spec.env) plus what store*
 * commands set. A file starts from the environment alone; stored values never leak into
 * another file.
 */
public final class RunVariables {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  /** Environment values shorter than this are too common to mask without garbling text. */
  private static final int MIN_MASKED_LENGTH = 4;

  private final Map<String, String> values;
  private final Map<String, String> environment;

  public RunVariables(Map<String, String> environment) {
    this.values = new HashMap<>(environment);
    this.environment = Map.copyOf(environment);
  }

  /**
   * {@code text} with every environment value written back as ${NAME}: environment variables
   * may come from Secrets, and messages and observations travel to annotations, status and logs.
   * Longer values first, so one that contains another is masked whole.
   */
  public String mask(String text) {
    if (text == null) {
      return null;
    }
    String masked = text;
    for (Map.Entry<String, String> e : environment.entrySet().stream()
        .filter(e -> e.getValue() != null && e.getValue().length() >= MIN_MASKED_LENGTH)
        .sorted((a, b) -> b.getValue().length() - a.getValue().length()).toList()) {
      masked = masked.replace(e.getValue(), "${" + e.getKey() + "}");
    }
    return masked;
  }

  public void put(String name, String value) {
    values.put(name, value);
  }

  public String get(String name) {
    return values.get(name);
  }

  /** {@code text} with every ${NAME} replaced; an undefined name fails the step, naming it. */
  public String substitute(String text) {
    return Variables.substitute(text, name -> {
      String value = values.get(name);
      if (value == null) {
        throw new StepFailedException("variable ${" + name + "} is not set: define it in the run's environment"
            + " (spec.env, --env, --base-url) or store it in an earlier step");
      }
      return value;
    });
  }

  /** Like {@link #substitute}, with ${KEY_NAME} pressing Selenium's key of that name. */
  public String substituteKeys(String text) {
    return Variables.substitute(text, name -> {
      if (name.startsWith("KEY_") && !values.containsKey(name)) {
        try {
          return Keys.valueOf(name.substring(4)).toString();
        } catch (IllegalArgumentException e) {
          throw new StepFailedException("unknown key ${" + name + "}; use a Selenium Keys name such as ${KEY_ENTER}");
        }
      }
      return substitute("${" + name + "}");
    });
  }

  /**
   * A script with each ${NAME} replaced by {@code arguments[i]}, and the values to pass: a value
   * reaches the page as data, never as code (as in Selenium IDE).
   */
  public Script script(String source) {
    Matcher m = REFERENCE.matcher(source);
    StringBuilder body = new StringBuilder();
    List<Object> args = new ArrayList<>();
    while (m.find()) {
      String value = substitute(m.group());
      m.appendReplacement(body, Matcher.quoteReplacement("arguments[" + args.size() + "]"));
      args.add(value);
    }
    m.appendTail(body);
    return new Script(body.toString(), args.toArray());
  }

  /** A script and its arguments. */
  public record Script(String body, Object[] args) {}
}
