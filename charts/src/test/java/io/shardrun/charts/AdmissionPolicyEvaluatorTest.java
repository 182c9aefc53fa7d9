package io.shardrun.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicy;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBuilder;
import io.shardrun.charts.AdmissionPolicyEvaluator.Decision;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The evaluator decides as a real API server: errors where the server had errors, and only
 * there. The chart once shipped a policy that failed on every plain pod update, and the recordings
 * hold what a v1.36 API server answered with it; evaluated here, it must give the same answers.
 */
class AdmissionPolicyEvaluatorTest {
  /**
   * The podUpdate variable as it shipped, BROKEN: a plain pod update has no subResource key, so
   * on a real API server this is an error ("no such key: subResource") and the executor could
   * not publish results. Kept only here, to show the evaluator fails where the server failed.
   */
  static final String SHIPPED_BROKEN_POD_UPDATE =
      "request.resource.group == '' && request.resource.resource == 'pods' && request.subResource == '' && request.operation == 'UPDATE'";
  /** The set-up that ran the policy as shipped, RBAC widened so that every request reached admission. */
  static final String RECORDED_WITH_THE_BROKEN_POLICY = "installedPolicyRecordingRbac";

  static AdmissionPolicyEvaluator brokenPolicy;

  @BeforeAll
  static void breakTheChartsPolicyAsItShipped() {
    ValidatingAdmissionPolicy shipped = ChartRendering.one(ChartRendering.objects(Map.of()), ValidatingAdmissionPolicy.class);
    shipped.getSpec().getVariables().stream().filter(v -> v.getName().equals("podUpdate")).findFirst().orElseThrow()
        .setExpression(SHIPPED_BROKEN_POD_UPDATE);
    brokenPolicy = new AdmissionPolicyEvaluator(shipped);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.shardrun.charts.AdmissionRecording#all")
  void theBrokenPolicyFailsExactlyWhereTheApiServerFailed(AdmissionRecording recording) {
    recording.assertAnsweredAsIn(RECORDED_WITH_THE_BROKEN_POLICY, brokenPolicy.evaluate(recording.request()));
  }

  /** On a recorded plain pod update, where {@code request.subResource} is an error ("no such key"). */
  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiterString = "=>", quoteCharacter = '"', textBlock = """
      request.subResource == 'x' && false => denied
      false && request.subResource == 'x' => denied
      request.subResource == 'x' || true  => allowed
      request.subResource == 'x' && true  => error
      request.subResource == 'x' || false => error
      variables.missing                   => error
      variables.missingOrTrue             => allowed
      """)
  void anErrorCountsOnlyWhereNoOtherOperandDecides(String validation, String outcome) {
    ValidatingAdmissionPolicy policy = new ValidatingAdmissionPolicyBuilder().withNewSpec()
        .addNewVariable().withName("missing").withExpression("request.subResource == ''").endVariable()
        .addNewVariable().withName("missingOrTrue").withExpression("variables.missing || true").endVariable()
        .addNewValidation().withExpression(validation).withMessage("denied").endValidation()
        .endSpec().build();
    Decision decision = new AdmissionPolicyEvaluator(policy).evaluate(AdmissionRecording.named("own-pod-add-result").request());
    assertThat(!decision.errors().isEmpty() ? "error" : decision.allowed() ? "allowed" : "denied").isEqualTo(outcome);
  }
}
