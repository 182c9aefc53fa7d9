package io.shardrun.core.action;

import java.util.List;
import java.util.Map;

/**
 * A named, parameterised sequence of steps. {@code ${param}} in its steps is replaced by the
 * caller's parameter (or the default) at expansion; other ${NAME} references are left for run
 * time.
 *
 * @param name what action files write in {@code "template"}
 * @param description one line for the docs
 * @param params parameters by name, in declaration order
 * @param steps its steps, unexpanded
 * @param source where it was defined: {@code built-in} or the template file's path
 */
public record Template(
    String name, String description, Map<String, Param> params, List<RawStep> steps, String source) {

  /**
   * A template parameter.
   *
   * @param defaultValue used when the caller omits it; null makes it required
   * @param description one line for the docs
   */
  public record Param(String defaultValue, String description) {
    public boolean required() {
      return defaultValue == null;
    }
  }
}
