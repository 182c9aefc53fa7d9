package io.shardrun.charts;

import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MatchCondition;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicy;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.Validation;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a ValidatingAdmissionPolicy's CEL the way the API server does for one request: the
 * policy applies when every match condition holds; variables are computed in order; every
 * validation must hold, and one that cannot be evaluated denies (failurePolicy Fail). Request
 * and objects are given as the JSON the API server passes to CEL.
 */
final class AdmissionPolicyEvaluator {
  private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
      .addVar("request", SimpleType.DYN)
      .addVar("object", SimpleType.DYN)
      .addVar("oldObject", SimpleType.DYN)
      .addVar("variables", SimpleType.DYN)
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS) // has(), all(), exists()
      .build();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

  private final ValidatingAdmissionPolicy policy;
  private final Map<String, CelRuntime.Program> programs = new HashMap<>();

  AdmissionPolicyEvaluator(ValidatingAdmissionPolicy policy) {
    this.policy = policy;
  }

  /** What the policy decides: not applicable, allowed, or denied with the failed validations' messages. */
  record Decision(boolean applies, List<String> denials) {
    boolean allowed() {
      return denials.isEmpty();
    }
  }

  Decision evaluate(Map<String, Object> request, Map<String, Object> object, Map<String, Object> oldObject) {
    Map<String, Object> input = new HashMap<>();
    input.put("request", celValue(request));
    input.put("object", celValue(object));
    input.put("oldObject", celValue(oldObject));
    Map<String, Object> variables = new HashMap<>();
    input.put("variables", variables);
    for (MatchCondition condition : policy.getSpec().getMatchConditions()) {
      if (!Boolean.TRUE.equals(eval(condition.getExpression(), input))) {
        return new Decision(false, List.of());
      }
    }
    for (Variable variable : policy.getSpec().getVariables()) {
      Object value = eval(variable.getExpression(), input);
      if (!(value instanceof Failure)) { // left out: a validation that reads it fails, as lazily on the server
        variables.put(variable.getName(), value);
      }
    }
    List<String> denials = new ArrayList<>();
    for (Validation validation : policy.getSpec().getValidations()) {
      Object result = eval(validation.getExpression(), input);
      if (!Boolean.TRUE.equals(result)) {
        denials.add(result instanceof Failure failure ? validation.getMessage() + " (" + failure.message() + ")" : validation.getMessage());
      }
    }
    return new Decision(true, denials);
  }

  private record Failure(String message) {}

  private static CelRuntime.Program compile(String expression) {
    try {
      return RUNTIME.createProgram(COMPILER.compile(expression).getAst());
    } catch (CelValidationException | CelEvaluationException e) {
      throw new AssertionError("the policy's CEL does not compile: " + expression, e);
    }
  }

  /** JSON as CEL sees it: integers are 64-bit, absent objects are null. */
  private static Object celValue(Object json) {
    if (json instanceof Map<?, ?> map) {
      Map<Object, Object> out = new HashMap<>();
      map.forEach((k, v) -> out.put(k, celValue(v)));
      return out;
    }
    if (json instanceof List<?> list) {
      return list.stream().map(AdmissionPolicyEvaluator::celValue).toList();
    }
    if (json instanceof Integer i) {
      return i.longValue();
    }
    return json == null ? dev.cel.common.values.NullValue.NULL_VALUE : json;
  }

  private Object eval(String expression, Map<String, Object> input) {
    CelRuntime.Program program = programs.computeIfAbsent(expression, AdmissionPolicyEvaluator::compile);
    try {
      return program.eval(input);
    } catch (CelEvaluationException e) {
      return new Failure(e.getMessage());
    }
  }
}
