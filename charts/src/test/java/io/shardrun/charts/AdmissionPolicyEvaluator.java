package io.shardrun.charts;

import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a ValidatingAdmissionPolicy's CEL on one admission request as the API server does.
 * The policy is skipped when a match condition is false. Otherwise every validation must hold: a
 * false one denies the request with its message (HTTP 403). An expression that cannot be
 * evaluated is an error, not a denial: with failurePolicy Fail the API server rejects the request
 * for it (HTTP 422), whatever the request was, so for a policy an error is always a defect.
 * Variables are evaluated only where read, as on the API server ({@link InlinedVariables}).
 */
final class AdmissionPolicyEvaluator {
  private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
      .addVar("request", SimpleType.DYN)
      .addVar("object", SimpleType.DYN)
      .addVar("oldObject", SimpleType.DYN)
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS) // has(), all(), exists()
      .build();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

  private final List<Expression> matchConditions = new ArrayList<>();
  private final List<Expression> validations = new ArrayList<>();
  private final List<String> messages = new ArrayList<>();

  AdmissionPolicyEvaluator(ValidatingAdmissionPolicy policy) {
    InlinedVariables variables = new InlinedVariables(policy.getSpec().getVariables());
    policy.getSpec().getMatchConditions().forEach(c -> matchConditions.add(Expression.compile(c.getExpression(), variables)));
    policy.getSpec().getValidations().forEach(v -> {
      validations.add(Expression.compile(v.getExpression(), variables));
      messages.add(v.getMessage());
    });
  }

  /** Whether the policy applies; if so, the messages of the validations that denied and the expressions that failed. */
  record Decision(boolean applies, List<String> denials, List<EvaluationError> errors) {
    boolean allowed() {
      return denials.isEmpty() && errors.isEmpty();
    }
  }

  /** @param expression as the policy writes it, as the API server's message quotes it */
  record EvaluationError(String expression, String message) {}

  /** @param request the AdmissionReview's request, as the API server sends it; object and oldObject are read from it */
  Decision evaluate(Map<String, Object> request) {
    Map<String, Object> input = new HashMap<>();
    input.put("request", celValue(request));
    input.put("object", celValue(request.get("object")));
    input.put("oldObject", celValue(request.get("oldObject")));
    List<EvaluationError> errors = new ArrayList<>();
    for (Expression condition : matchConditions) {
      if (Boolean.FALSE.equals(condition.evaluate(input, errors))) {
        return new Decision(false, List.of(), List.of()); // a false condition skips the policy, even if another one failed
      }
    }
    if (!errors.isEmpty()) {
      return new Decision(true, List.of(), errors);
    }
    List<String> denials = new ArrayList<>();
    for (int i = 0; i < validations.size(); i++) {
      if (Boolean.FALSE.equals(validations.get(i).evaluate(input, errors))) {
        denials.add(messages.get(i));
      }
    }
    return new Decision(true, denials, errors);
  }

  /** One compiled expression of the policy; {@code source} as the policy writes it. */
  private record Expression(String source, CelRuntime.Program program) {
    static Expression compile(String source, InlinedVariables variables) {
      try {
        return new Expression(source, RUNTIME.createProgram(COMPILER.compile(variables.inline(source)).getAst()));
      } catch (CelValidationException | CelEvaluationException e) {
        throw new AssertionError("the policy's CEL does not compile: " + source, e);
      }
    }

    /** The result, or null after adding the error to {@code errors}. */
    Boolean evaluate(Map<String, Object> input, List<EvaluationError> errors) {
      try {
        Object result = program.eval(input);
        if (result instanceof Boolean holds) {
          return holds;
        }
        errors.add(new EvaluationError(source, "not a boolean: " + result));
      } catch (CelEvaluationException e) {
        errors.add(new EvaluationError(source, e.getMessage()));
      }
      return null;
    }
  }

  /** JSON as CEL sees it: integers are 64-bit, JSON null is CEL's null. */
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
    return json == null ? NullValue.NULL_VALUE : json;
  }
}
