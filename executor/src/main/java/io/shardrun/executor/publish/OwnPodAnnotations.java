package io.shardrun.executor.publish;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;
import java.util.Optional;

/**
 * The annotations of the executor's own pod, where the operator leaves what it tells the shard
 * (its assignment, the relayed events, when to start, when to stop). Reading needs only
 * {@code get} on that pod.
 */
public record OwnPodAnnotations(KubernetesClient client, String namespace, String pod) {
  /** The pod as messages name it: {@code pod NAMESPACE/NAME}. */
  public String describe() {
    return "pod " + namespace + "/" + pod;
  }

  /**
   * The pod's annotations as the API server has them now (empty when it has none), or empty when
   * the pod does not exist.
   *
   * @throws PublishException naming the pod and what the API server answered, or why it could not be asked
   */
  public Optional<Map<String, String>> read() {
    Pod found;
    try {
      found = client.pods().inNamespace(namespace).withName(pod).get();
    } catch (KubernetesClientException e) {
      throw PublishException.reading(describe(), client.getMasterUrl().toString(), e);
    }
    if (found == null) {
      return Optional.empty();
    }
    Map<String, String> annotations = found.getMetadata().getAnnotations();
    return Optional.of(annotations == null ? Map.of() : annotations);
  }

  /**
   * One annotation's value as the API server has it now; null when the pod does not have it, or
   * does not exist.
   *
   * @throws PublishException as {@link #read()}
   */
  public String get(String annotation) {
    return read().map(annotations -> annotations.get(annotation)).orElse(null);
  }
}
