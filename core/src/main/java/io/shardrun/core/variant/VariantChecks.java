package io.shardrun.core.variant;

import io.shardrun.core.action.Variables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What is wrong with a list of variants, wherever it was written (variants.json, spec.variants,
 * --variant): names, duplicates, variable names and references.
 */
public final class VariantChecks {
  private VariantChecks() {}

  /** A problem with the field it is about. */
  public record Issue(String field, String message) {
    @Override
    public String toString() {
      return field + ": " + message;
    }
  }

  /**
   * @param where how the list is named in messages, e.g. {@code spec.variants}
   * @return every problem, in order
   */
  public static List<Issue> problems(List<Variant> variants, String where) {
    List<Issue> problems = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < variants.size(); i++) {
      Variant variant = variants.get(i);
      String at = where + "[" + i + "]";
      if (variant.name() == null || !VariantIds.NAME.matcher(variant.name()).matches()) {
        problems.add(new Issue(at + ".name", "'" + variant.name() + "' is not a variant name; expected a letter or digit, then up to 39"
            + " letters, digits, '_' or '-' (" + VariantIds.NAME.pattern() + ")"));
      } else {
        Integer first = seen.putIfAbsent(variant.name(), i);
        if (first != null) {
          problems.add(new Issue(at + ".name", "variant '" + variant.name() + "' is named already at " + where + "[" + first + "]"));
        }
      }
      variant.vars().forEach((name, value) -> {
        if (!Variables.NAME.matcher(name).matches()) {
          problems.add(new Issue(at + ".vars." + name, "not a variable name; expected " + Variables.NAME.pattern()));
        } else if (value == null) {
          problems.add(new Issue(at + ".vars." + name, "expected a string value, found null"));
        } else {
          Variables.syntaxError(value).ifPresent(e -> problems.add(new Issue(at + ".vars." + name, e)));
        }
      });
    }
    return problems;
  }
}
