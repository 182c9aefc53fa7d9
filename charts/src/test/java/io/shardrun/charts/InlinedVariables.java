package io.shardrun.charts;

import io.fabric8.kubernetes.api.model.admissionregistration.v1.Variable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A policy's variables, written into the expressions that read them: each {@code variables.NAME}
 * becomes {@code (NAME's expression)}. The API server evaluates a variable only when an
 * expression reads it, and an error in it is an error of that operand, which CEL's {@code &&} and
 * {@code ||} absorb when another operand decides the result. An inlined expression behaves exactly
 * so, with no evaluation order to imitate.
 */
final class InlinedVariables {
  private static final Pattern REFERENCE = Pattern.compile("\\bvariables\\.([A-Za-z_][A-Za-z0-9_]*)");

  private final Map<String, String> expressions = new LinkedHashMap<>();

  /** As on the API server, a variable may read only the variables declared before it. */
  InlinedVariables(List<Variable> variables) {
    for (Variable variable : variables) {
      expressions.put(variable.getName(), inline(variable.getExpression()));
    }
  }

  String inline(String expression) {
    Matcher reference = REFERENCE.matcher(expression);
    StringBuilder out = new StringBuilder();
    while (reference.find()) {
      String variable = expressions.get(reference.group(1));
      if (variable == null) {
        throw new AssertionError("the policy reads variables." + reference.group(1)
            + ", which is not declared before this expression: " + expression);
      }
      reference.appendReplacement(out, Matcher.quoteReplacement("(" + variable + ")"));
    }
    reference.appendTail(out);
    return out.toString();
  }
}
