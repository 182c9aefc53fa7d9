package io.shardrun.executor.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusDetails;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * What a real API server answered one of the executor's requests for a pod, from
 * testdata/k8s-recordings/admission: which pod the request was for, and the Status the server sent.
 */
record RecordedAnswer(String namespace, String pod, int code, Status status) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** @param setup one of the recording's set-ups, e.g. {@code asInstalled} */
  static RecordedAnswer of(String recordedCase, String setup) {
    try {
      JsonNode recording = JSON.readTree(Path.of("../testdata/k8s-recordings/admission", recordedCase + ".json").toFile());
      JsonNode answer = recording.path("answers").path(setup);
      int code = answer.path("httpStatus").asInt();
      Status status = new StatusBuilder().withStatus("Failure").withCode(code)
          .withReason(answer.path("reason").asText()).withMessage(answer.path("message").asText())
          .withDetails(JSON.treeToValue(answer.path("details"), StatusDetails.class))
          .build();
      String[] path = recording.path("sentBy").path("http").path("path").asText().split("/"); // /api/v1/namespaces/NS/pods/NAME
      return new RecordedAnswer(path[4], path[6], code, status);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String path() {
    return "/api/v1/namespaces/" + namespace + "/pods/" + pod;
  }
}
