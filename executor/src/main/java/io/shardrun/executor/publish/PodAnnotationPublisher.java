package io.shardrun.executor.publish;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.shardrun.core.results.ResultsCodec;
import io.shardrun.core.results.ResultsDocument;
import java.util.Map;

/**
 * Publishes into the executor's own pod: a JSON merge patch of the single annotation
 * {@value ResultsCodec#ANNOTATION}. Needs {@code get} and {@code patch} on that pod: the client
 * reads the pod before each patch.
 */
public final class PodAnnotationPublisher implements ResultPublisher {
  private final KubernetesClient client;
  private final String namespace;
  private final String pod;

  public PodAnnotationPublisher(KubernetesClient client, String namespace, String pod) {
    this.client = client;
    this.namespace = namespace;
    this.pod = pod;
  }

  /**
   * Reads the pod and publishes the first document, before any file runs: a wrong pod identity
   * or a missing permission then stops the shard at once, not after its last file, when its
   * results could no longer be delivered.
   *
   * @throws IllegalStateException saying which pod and what the executor needs
   */
  public void begin(ResultsDocument first) {
    String where = "pod " + namespace + "/" + pod;
    try {
      if (client.pods().inNamespace(namespace).withName(pod).get() == null) {
        throw new IllegalStateException(where + " does not exist: POD_NAME and POD_NAMESPACE must name the executor's own pod");
      }
      publish(first);
    } catch (KubernetesClientException e) {
      String reason = e.getStatus() == null || e.getStatus().getReason() == null ? "" : " " + e.getStatus().getReason();
      throw new IllegalStateException("cannot write results into " + where + " (HTTP " + e.getCode() + reason
          + "): the executor's ServiceAccount needs get and patch on its own pod (see docs/security.md)");
    }
  }

  @Override
  public void publish(ResultsDocument document) {
    Map<String, Object> patch = Map.of("metadata", Map.of("annotations", Map.of(ResultsCodec.ANNOTATION, ResultsCodec.encode(document))));
    client.pods().inNamespace(namespace).withName(pod)
        .patch(PatchContext.of(PatchType.JSON_MERGE), client.getKubernetesSerialization().asJson(patch));
  }
}
