package io.shardrun.core.variant;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A named set of variables every selected file runs with once: a user, an environment.
 *
 * @param name shown after the file's path as {@code PATH#NAME}
 * @param vars the variables, over the run's environment; a value may use ${NAME} of the environment
 */
public record Variant(String name, Map<String, String> vars) {
  public Variant {
    vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars)); // in order, as written
  }
}
