package io.shardrun.operator.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The Fabric8 mock API server's CRUD dispatcher, corrected where it differs from a real API
 * server in a way the operator depends on: an update of the status subresource that carries a
 * resourceVersion other than the object's current one is refused with 409 Conflict (the mock
 * takes it, whatever the version).
 */
public final class ApiServerDispatcher extends KubernetesCrudDispatcher {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A mock API server with this dispatcher, started. */
  public static KubernetesMockServer start() {
    KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new ApiServerDispatcher(), false);
    server.init();
    return server;
  }

  @Override
  public MockResponse handleUpdate(RecordedRequest request) {
    String path = request.getPath();
    if (path.endsWith("/status")) {
      String sent = resourceVersion(new String(request.getBody().getBytes(), StandardCharsets.UTF_8));
      Map.Entry<?, String> current = findResource(getKey(path));
      if (sent != null && current != null && !sent.equals(resourceVersion(current.getValue()))) {
        return new MockResponse().setResponseCode(409).setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
            + "\"reason\":\"Conflict\",\"code\":409,\"message\":\"Operation cannot be fulfilled: the object has been modified;"
            + " please apply your changes to the latest version and try again\"}");
      }
    }
    return super.handleUpdate(request);
  }

  private static String resourceVersion(String json) {
    try {
      JsonNode version = JSON.readTree(json).path("metadata").path("resourceVersion");
      return version.isMissingNode() || version.isNull() ? null : version.asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
