package io.shardrun.operator.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A mock API server with {@link ApiServerDispatcher} for a test class, and a client of it:
 * {@code @RegisterExtension static final ApiServer API = new ApiServer();}.
 */
public final class ApiServer implements BeforeAllCallback, AfterAllCallback {
  private KubernetesMockServer server;
  private KubernetesClient client;

  @Override
  public void beforeAll(ExtensionContext context) {
    server = ApiServerDispatcher.start();
    client = server.createClient();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    client.close();
    server.destroy();
  }

  public KubernetesMockServer server() {
    return server;
  }

  public KubernetesClient client() {
    return client;
  }
}
