package io.shardrun.operator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Writes a custom resource's status with the resourceVersion it was computed from, so the API
 * server refuses (409) a status decided from a cache that did not yet hold the operator's own
 * last write.
 */
public final class StatusWrite {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StatusWrite() {}

  /** Whether a decided status says nothing new: writing it would only wake the reconciler again. */
  public static boolean unchanged(Object written, Object decided) {
    return JSON.valueToTree(written).equals(JSON.valueToTree(decided));
  }

  /**
   * @param current the resource as the status was decided from
   * @param blank a new, empty instance of its kind, which is sent
   * @return the resource as written
   */
  public static <S, T, R extends CustomResource<S, T>> R update(KubernetesClient client, R current, R blank, T status) {
    blank.setMetadata(current.getMetadata());
    blank.setSpec(current.getSpec());
    blank.setStatus(status);
    return client.resource(blank).updateStatus();
  }
}
