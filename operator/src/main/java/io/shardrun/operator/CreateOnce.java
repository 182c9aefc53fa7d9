package io.shardrun.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;

/**
 * Creates an object that an earlier reconcile (whose result the cache does not show yet), or
 * another replica before a failover, may have created already: an object of its name that exists
 * (HTTP 409) is not an error.
 */
public final class CreateOnce {
  private CreateOnce() {}

  /** @return true when this call created it, false when one of its name exists */
  public static boolean create(KubernetesClient client, HasMetadata object) {
    try {
      client.resource(object).create();
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        return false;
      }
      throw e;
    }
  }
}
