package io.shardrun.executor.assignment;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.shardrun.core.plan.Assignment;
import io.shardrun.executor.publish.PublishException;
import java.util.Map;

/**
 * Reads a dynamic shard's assignment from the executor's own pod, annotation
 * {@value Assignment#ANNOTATION}, which the operator writes. Needs only {@code get} on that pod.
 */
public record PodAssignmentReader(KubernetesClient client, String namespace, String pod) implements AssignmentSource {
  @Override
  public String name() {
    return "pod " + namespace + "/" + pod;
  }

  @Override
  public Assignment read() {
    Pod found;
    try {
      found = client.pods().inNamespace(namespace).withName(pod).get();
    } catch (KubernetesClientException e) {
      throw PublishException.reading(namespace + "/" + pod, client.getMasterUrl().toString(), e);
    }
    if (found == null) {
      throw new AssignmentException(name() + " does not exist: POD_NAME and POD_NAMESPACE must name the executor's own pod");
    }
    Map<String, String> annotations = found.getMetadata().getAnnotations();
    String json = annotations == null ? null : annotations.get(Assignment.ANNOTATION);
    if (json == null) {
      return Assignment.none();
    }
    try {
      return Assignment.read(json, name() + " annotation " + Assignment.ANNOTATION);
    } catch (IllegalArgumentException e) {
      throw new AssignmentException(e.getMessage());
    }
  }
}
