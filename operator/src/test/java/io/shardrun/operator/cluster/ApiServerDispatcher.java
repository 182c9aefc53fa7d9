package io.shardrun.operator.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * The Fabric8 mock API server's CRUD dispatcher, corrected where it differs from a real API
 * server in a way the operator depends on: an update of the status subresource that carries a
 * resourceVersion other than the object's current one is refused with 409 Conflict (the mock
 * takes it, whatever the version); and server-side apply, which the mock refuses (415), creates a
 * missing object and otherwise replaces the object with the applied configuration, as a real
 * server does for the one field manager that owns all of it; and metadata.generateName gets five
 * characters of the real server's alphabet appended, not the mock's "-" and a UUID.
 */
public final class ApiServerDispatcher extends KubernetesCrudDispatcher {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final Random RANDOM = new Random();

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
      String sent = resourceVersion(body(request));
      Map.Entry<?, String> current = findResource(getKey(path));
      if (sent != null && current != null && !sent.equals(resourceVersion(current.getValue()))) {
        return new MockResponse().setResponseCode(409).setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
            + "\"reason\":\"Conflict\",\"code\":409,\"message\":\"Operation cannot be fulfilled: the object has been modified;"
            + " please apply your changes to the latest version and try again\"}");
      }
    }
    return super.handleUpdate(request);
  }

  @Override
  public MockResponse handleCreate(RecordedRequest request) {
    GenericKubernetesResource created = Serialization.unmarshal(body(request), GenericKubernetesResource.class);
    if (created.getMetadata() == null || created.getMetadata().getName() != null || created.getMetadata().getGenerateName() == null) {
      return super.handleCreate(request);
    }
    StringBuilder name = new StringBuilder(created.getMetadata().getGenerateName());
    for (int i = 0; i < 5; i++) { // as the API server's names.SimpleNameGenerator
      name.append(NAME_ALPHABET.charAt(RANDOM.nextInt(NAME_ALPHABET.length())));
    }
    created.getMetadata().setName(name.toString());
    return super.handleCreate(json(HttpMethod.POST, request.getPath(), created));
  }

  @Override
  public MockResponse handlePatch(RecordedRequest request) {
    String type = request.getHeader("Content-Type");
    if (type == null || !type.startsWith("application/apply-patch")) {
      return super.handlePatch(request);
    }
    String path = request.getPath().replaceFirst("\\?.*", "");
    GenericKubernetesResource applied = Serialization.unmarshal(body(request), GenericKubernetesResource.class);
    Map.Entry<?, String> current = findResource(getKey(path));
    if (current == null) {
      return super.handleCreate(json(HttpMethod.POST, path.substring(0, path.lastIndexOf('/')), applied));
    }
    applied.getMetadata().setResourceVersion(resourceVersion(current.getValue()));
    return handleUpdate(json(HttpMethod.PUT, path, applied));
  }

  /** The request's body, left unread for the handler it is passed on to. */
  private static String body(RecordedRequest request) {
    return new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
  }

  private static RecordedRequest json(HttpMethod method, String path, GenericKubernetesResource body) {
    return new RecordedRequest("HTTP/1.1", method, path, Headers.builder().add("Content-Type", "application/json").build(),
        new Buffer(Serialization.asJson(body).getBytes(StandardCharsets.UTF_8)));
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
