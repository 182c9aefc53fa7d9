package io.shardrun.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicy;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBinding;
import io.shardrun.charts.AdmissionPolicyEvaluator.Decision;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No API server runs here, so the chart's rendered policy is evaluated with the CEL library on
 * the admission requests a real Kubernetes v1.36 API server sent (testdata/k8s-recordings), and
 * must decide as that server did with the same policy. Cases the recordings do not cover change
 * one recorded request in the one place the case needs, so they keep the server's shape.
 */
class ExecutorAdmissionPolicyTest {
  /** The set-up whose policy is the chart's: RBAC widened so that every request reached admission. */
  static final String RECORDED_WITH_THIS_POLICY = "fixedPolicyRecordingRbac";
  static final String ONLY_ANNOTATIONS = "the Shardrun executor may change only annotations, not the spec, labels, owners or finalizers of its pod";
  static final String ONLY_SHARDRUN_ANNOTATIONS = "the Shardrun executor may add, change or remove only annotations under shardrun.io/";
  static final String ONLY_ITS_RESULT = "the Shardrun executor may write only shardrun.io/result of the shardrun.io/ annotations; the others are the operator's";
  static final String ONLY_ITS_POD = "the Shardrun executor may change only the pod it runs in";

  static AdmissionPolicyEvaluator policy;

  @BeforeAll
  static void renderThePolicy() {
    var objects = ChartRendering.objects(Map.of());
    ValidatingAdmissionPolicy rendered = ChartRendering.one(objects, ValidatingAdmissionPolicy.class);
    ValidatingAdmissionPolicyBinding binding = ChartRendering.one(objects, ValidatingAdmissionPolicyBinding.class);
    assertThat(binding.getSpec().getPolicyName()).isEqualTo(rendered.getMetadata().getName());
    assertThat(binding.getSpec().getValidationActions()).containsExactly("Deny");
    assertThat(binding.getSpec().getMatchResources()).as("every namespace").isNull();
    assertThat(rendered.getSpec().getFailurePolicy()).isEqualTo("Fail");
    policy = new AdmissionPolicyEvaluator(rendered);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.shardrun.charts.AdmissionRecording#all")
  void decidesEveryRecordedRequestAsTheApiServerDid(AdmissionRecording recording) {
    Decision decision = policy.evaluate(recording.request());
    assertThat(decision.errors()).as("%s: CEL errors, which the API server answers with 422 whatever the request", recording).isEmpty();
    recording.assertAnsweredAsIn(RECORDED_WITH_THIS_POLICY, decision);
  }

  @Test
  void aSpecChangeIsDenied() {
    AdmissionRecording patch = AdmissionRecording.named("own-pod-add-result");
    container(patch.object(), 0).put("image", "evil.example.com/miner:latest");
    assertThat(policy.evaluate(patch.request()).denials()).containsExactly(ONLY_ANNOTATIONS);
  }

  @Test
  void droppingTheOwnerOrAFinalizerIsDenied() {
    AdmissionRecording orphaned = AdmissionRecording.named("own-pod-add-result");
    metadata(orphaned.object()).remove("ownerReferences");
    assertThat(policy.evaluate(orphaned.request()).denials()).containsExactly(ONLY_ANNOTATIONS);
    AdmissionRecording untracked = AdmissionRecording.named("own-pod-add-result");
    metadata(untracked.object()).remove("finalizers"); // the Job controller's batch.kubernetes.io/job-tracking
    assertThat(policy.evaluate(untracked.request()).denials()).containsExactly(ONLY_ANNOTATIONS);
  }

  @Test
  void anAnnotationThatOnlyStartsLikeShardrunIoIsDenied() {
    AdmissionRecording patch = AdmissionRecording.named("own-pod-add-result");
    annotations(patch.object()).put("shardrun.io.evil.com/x", "1");
    assertThat(policy.evaluate(patch.request()).denials()).containsExactly(ONLY_SHARDRUN_ANNOTATIONS);
  }

  @Test
  void anotherShardrunAnnotationSuchAsItsAssignmentIsTheOperatorsAndDenied() {
    AdmissionRecording written = AdmissionRecording.named("own-pod-add-result");
    annotations(written.object()).put("shardrun.io/assignment", "{\"batches\": [[0, 1, 2]]}");
    assertThat(policy.evaluate(written.request()).denials()).containsExactly(ONLY_ITS_RESULT);
  }

  @Test
  void changingAnotherAnnotationsValueIsDenied() {
    AdmissionRecording patch = AdmissionRecording.named("own-pod-add-result");
    annotations(patch.object()).put("kubectl.kubernetes.io/default-container", "browser"); // the renderer's: executor
    assertThat(policy.evaluate(patch.request()).denials()).containsExactly(ONLY_SHARDRUN_ANNOTATIONS);
  }

  @Test
  void aTokenWithNoExtraClaimsAtAllIsDenied() {
    AdmissionRecording patch = AdmissionRecording.named("own-pod-add-result");
    patch.userInfo().remove("extra"); // a legacy Secret token: no claims, not even credential-id
    assertThat(policy.evaluate(patch.request()).denials()).containsExactly(ONLY_ITS_POD);
  }

  @Test
  void otherUsersAndServiceAccountsAreLeftAlone() {
    for (String user : List.of("alice@example.com", "system:serviceaccount:shardrun:shardrun-executor-2",
        "system:serviceaccount:shardrun-executor:default")) {
      AdmissionRecording relabel = AdmissionRecording.named("own-pod-change-label"); // denied to the executor
      relabel.userInfo().put("username", user);
      assertThat(policy.evaluate(relabel.request()).applies()).as(user).isFalse();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> metadata(Map<String, Object> object) {
    return (Map<String, Object>) object.get("metadata");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> annotations(Map<String, Object> object) {
    return (Map<String, Object>) metadata(object).get("annotations");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> container(Map<String, Object> pod, int index) {
    return ((List<Map<String, Object>>) ((Map<String, Object>) pod.get("spec")).get("containers")).get(index);
  }
}
