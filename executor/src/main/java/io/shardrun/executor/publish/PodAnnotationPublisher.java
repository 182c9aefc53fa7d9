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

  /** @throws PublishException when the API server refused the patch or could not be reached */
  @Override
  public void publish(ResultsDocument document) {
    Map<String, Object> patch = Map.of("metadata", Map.of("annotations", Map.of(ResultsCodec.ANNOTATION, ResultsCodec.encode(document))));
    try {
      client.pods().inNamespace(namespace).withName(pod)
          .patch(PatchContext.of(PatchType.JSON_MERGE), client.getKubernetesSerialization().asJson(patch));
    } catch (KubernetesClientException e) {
      throw PublishException.of(namespace + "/" + pod, client.getMasterUrl().toString(), e);
    }
  }
}
