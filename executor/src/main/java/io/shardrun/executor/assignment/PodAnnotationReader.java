package io.shardrun.executor.assignment;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.shardrun.executor.publish.ApiServerFailures;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads one of the annotations the operator writes on the executor's own pod to tell it
 * something: a fail-fast run's first failed file, or when to start. Null while it is not there.
 * A read that fails is only a warning, and reads as not there yet: the executor asks again.
 */
public record PodAnnotationReader(KubernetesClient client, String namespace, String pod, String annotation, Consumer<String> warn)
    implements Supplier<String> {
  @Override
  public String get() {
    try {
      Pod found = client.pods().inNamespace(namespace).withName(pod).get();
      Map<String, String> annotations = found == null ? null : found.getMetadata().getAnnotations();
      return annotations == null ? null : annotations.get(annotation);
    } catch (KubernetesClientException e) {
      String why = e.getCode() > 0 ? ApiServerFailures.answered(e) : ApiServerFailures.whyUnreachable(e).orElse(e.getMessage());
      warn.accept("cannot read annotation " + annotation + " of pod " + namespace + "/" + pod + ": " + why);
      return null;
    }
  }
}
