package io.shardrun.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicy;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBinding;
import io.shardrun.charts.AdmissionPolicyEvaluator.Decision;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No API server with admission policies runs here, so the chart's rendered policy is evaluated
 * with the CEL library on requests as the API server would present them: the executor's
 * ServiceAccount patching pods, with the pod-name claim of its bound token.
 */
class ExecutorAdmissionPolicyTest {
  static final String NAMESPACE = "ci";
  static final String OWN_POD = "checkout-shard-0-x7k2p";
  static final String EXECUTOR = "system:serviceaccount:ci:shardrun-executor";
  static final ObjectMapper JSON = new ObjectMapper();

  static AdmissionPolicyEvaluator policy;
  static io.fabric8.kubernetes.api.model.PodTemplateSpec shardPodTemplate;

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
    shardPodTemplate = ShippedExamples.examplePodTemplate();
  }

  @Test
  void theExecutorMayWriteAShardrunAnnotationOnItsOwnPod() {
    Decision decision = patchOwnPod(pod -> withAnnotation(pod, "shardrun.io/result", "{\"v\":1,\"state\":\"running\"}"));
    assertThat(decision.applies()).isTrue();
    assertThat(decision.denials()).isEmpty();
  }

  @Test
  void theExecutorMayReplaceItsResultAsTheRunGoesOn() {
    Map<String, Object> old = withAnnotation(shardPod(OWN_POD), "shardrun.io/result", "{\"state\":\"running\"}");
    Decision decision = policy.evaluate(update(EXECUTOR, OWN_POD, OWN_POD), withAnnotation(old, "shardrun.io/result", "{\"state\":\"done\"}"), old);
    assertThat(decision.denials()).isEmpty();
  }

  @Test
  void anotherPodIsDenied() {
    Map<String, Object> other = shardPod("checkout-shard-1-m3q9z");
    Decision decision = policy.evaluate(update(EXECUTOR, OWN_POD, "checkout-shard-1-m3q9z"),
        withAnnotation(other, "shardrun.io/result", "{}"), other);
    assertThat(decision.denials()).containsExactly("the Shardrun executor may change only the pod it runs in");
  }

  @Test
  void aTokenWithoutThePodClaimIsDenied() {
    Map<String, Object> request = update(EXECUTOR, OWN_POD, OWN_POD);
    ((Map<?, ?>) request.get("userInfo")).remove("extra"); // a legacy Secret token is bound to no pod
    Map<String, Object> old = shardPod(OWN_POD);
    assertThat(policy.evaluate(request, withAnnotation(old, "shardrun.io/result", "{}"), old).denials())
        .containsExactly("the Shardrun executor may change only the pod it runs in");
  }

  @Test
  void aPodOfTheSameNameInAnotherNamespaceIsDenied() {
    Map<String, Object> request = update(EXECUTOR, OWN_POD, OWN_POD);
    request.put("namespace", "payments");
    Map<String, Object> old = shardPod(OWN_POD);
    assertThat(policy.evaluate(request, withAnnotation(old, "shardrun.io/result", "{}"), old).denials())
        .containsExactly("the Shardrun executor may change only the pod it runs in");
  }

  @Test
  void aLabelChangeIsDenied() {
    Decision decision = patchOwnPod(pod -> {
      ((Map<String, Object>) metadata(pod).get("labels")).put("shardrun.io/shard", "7");
      return pod;
    });
    assertThat(decision.denials()).containsExactly(
        "the Shardrun executor may change only annotations, not the spec, labels, owners or finalizers of its pod");
  }

  @Test
  void aSpecChangeIsDenied() {
    Decision decision = patchOwnPod(pod -> {
      Map<String, Object> container = (Map<String, Object>) ((List<?>) ((Map<?, ?>) pod.get("spec")).get("containers")).get(0);
      container.put("image", "evil.example.com/miner:latest");
      return pod;
    });
    assertThat(decision.denials()).containsExactly(
        "the Shardrun executor may change only annotations, not the spec, labels, owners or finalizers of its pod");
  }

  @Test
  void anAnnotationOutsideShardrunIoIsDenied() {
    assertThat(patchOwnPod(pod -> withAnnotation(pod, "cluster-autoscaler.kubernetes.io/safe-to-evict", "true")).denials())
        .containsExactly("the Shardrun executor may add, change or remove only annotations under shardrun.io/");
    assertThat(patchOwnPod(pod -> withAnnotation(pod, "shardrun.io.evil.com/x", "1")).denials())
        .as("a prefix that merely starts like shardrun.io").hasSize(1);
  }

  @Test
  void removingOrChangingAnotherAnnotationIsDenied() {
    Map<String, Object> old = withAnnotation(shardPod(OWN_POD), "kubectl.kubernetes.io/default-container", "executor");
    Map<String, Object> removed = copy(old);
    ((Map<?, ?>) metadata(removed).get("annotations")).remove("kubectl.kubernetes.io/default-container");
    assertThat(policy.evaluate(update(EXECUTOR, OWN_POD, OWN_POD), removed, old).denials()).hasSize(1);
    Map<String, Object> changed = withAnnotation(old, "kubectl.kubernetes.io/default-container", "browser");
    assertThat(policy.evaluate(update(EXECUTOR, OWN_POD, OWN_POD), changed, old).denials()).hasSize(1);
  }

  @Test
  void anythingButUpdatingAPodIsDenied() {
    Map<String, Object> pod = shardPod(OWN_POD);
    Map<String, Object> delete = update(EXECUTOR, OWN_POD, OWN_POD);
    delete.put("operation", "DELETE");
    assertThat(policy.evaluate(delete, null, pod).denials())
        .containsExactly("the Shardrun executor may only update pods (to write its results into its own pod's annotations)");
    Map<String, Object> eviction = update(EXECUTOR, OWN_POD, OWN_POD);
    eviction.put("operation", "CREATE");
    eviction.put("subResource", "eviction");
    assertThat(policy.evaluate(eviction, Map.of("kind", "Eviction"), null).allowed()).isFalse();
    Map<String, Object> configMap = update(EXECUTOR, OWN_POD, "checkout-plan");
    configMap.put("operation", "CREATE");
    configMap.put("resource", Map.of("group", "", "version", "v1", "resource", "configmaps"));
    assertThat(policy.evaluate(configMap, Map.of("kind", "ConfigMap", "metadata", Map.of("name", "x")), null).allowed()).isFalse();
  }

  @Test
  void otherServiceAccountsAndUsersAreLeftAlone() {
    Map<String, Object> old = shardPod(OWN_POD);
    Map<String, Object> relabelled = copy(old);
    ((Map<String, Object>) metadata(relabelled).get("labels")).put("team", "x");
    assertThat(policy.evaluate(update("system:serviceaccount:shardrun:shardrun-operator", null, OWN_POD), relabelled, old).applies()).isFalse();
    assertThat(policy.evaluate(update("alice@example.com", null, OWN_POD), relabelled, old).applies()).isFalse();
    assertThat(policy.evaluate(update("system:serviceaccount:ci:shardrun-executor-2", null, OWN_POD), relabelled, old).applies()).isFalse();
  }

  // --- requests and pods as the API server hands them to CEL

  private static Decision patchOwnPod(UnaryOperator<Map<String, Object>> change) {
    Map<String, Object> old = shardPod(OWN_POD);
    return policy.evaluate(update(EXECUTOR, OWN_POD, OWN_POD), change.apply(copy(old)), old);
  }

  /** An UPDATE of pod {@code target} by {@code user}, whose token is bound to pod {@code boundPod} (or none). */
  private static Map<String, Object> update(String user, String boundPod, String target) {
    Map<String, Object> userInfo = new HashMap<>();
    userInfo.put("username", user);
    userInfo.put("groups", List.of("system:serviceaccounts", "system:serviceaccounts:" + NAMESPACE, "system:authenticated"));
    if (boundPod != null) {
      userInfo.put("extra", new HashMap<>(Map.of(
          "authentication.kubernetes.io/pod-name", List.of(boundPod),
          "authentication.kubernetes.io/pod-uid", List.of("3f1c9d3e-5a9e-4c1b-9b51-0c7f0e6a1b2c"))));
    }
    Map<String, Object> request = new HashMap<>();
    request.put("operation", "UPDATE");
    request.put("resource", Map.of("group", "", "version", "v1", "resource", "pods"));
    request.put("subResource", "");
    request.put("name", target);
    request.put("namespace", NAMESPACE);
    request.put("userInfo", userInfo);
    return request;
  }

  /** A shard pod as the Job controller makes it from a rendered Job's template. */
  private static Map<String, Object> shardPod(String name) {
    Pod pod = new PodBuilder()
        .withMetadata(shardPodTemplate.getMetadata())
        .editMetadata().withName(name).withNamespace(NAMESPACE)
        .addNewOwnerReference().withApiVersion("batch/v1").withKind("Job").withName("checkout-shard-0").withUid("9d2f").withController(true).endOwnerReference()
        .endMetadata()
        .withSpec(shardPodTemplate.getSpec())
        .build();
    return JSON.convertValue(pod, new TypeReference<>() {});
  }

  private static Map<String, Object> withAnnotation(Map<String, Object> pod, String key, String value) {
    Map<String, Object> changed = copy(pod);
    ((Map<String, Object>) metadata(changed).computeIfAbsent("annotations", k -> new HashMap<>())).put(key, value);
    return changed;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> metadata(Map<String, Object> pod) {
    return (Map<String, Object>) pod.get("metadata");
  }

  private static Map<String, Object> copy(Map<String, Object> pod) {
    return JSON.convertValue(pod, new TypeReference<>() {});
  }
}
