package io.shardrun.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardrun.charts.AdmissionPolicyEvaluator.Decision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One admission request that a real Kubernetes v1.36 API server sent, from
 * testdata/k8s-recordings/admission (its README says how they were recorded), with what the
 * server answered the client in each set-up of the recording.
 *
 * @param request the AdmissionReview's request as recorded, empty fields absent, object and oldObject included
 * @param sentBy the identity that sent it
 */
record AdmissionRecording(String name, String description, String sentBy, Map<String, Object> request, Map<String, Answer> answers) {
  static final Path FOLDER = Path.of("../testdata/k8s-recordings/admission");
  /** The ServiceAccount the chart's policy confines (the chart's default executor.serviceAccountName), in any namespace. */
  static final String EXECUTOR_ACCOUNT = "shardrun-executor";
  private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The API server's answer to the client: the HTTP status and the Status message. */
  record Answer(int httpStatus, String message) {}

  /** Every recording in the folder, so that a new one is covered without a change here. */
  static List<AdmissionRecording> all() {
    try (Stream<Path> files = Files.list(FOLDER)) {
      List<AdmissionRecording> all = files.filter(f -> f.toString().endsWith(".json")).sorted().map(AdmissionRecording::read).toList();
      assertThat(all).as("recorded admission requests in %s", FOLDER.toAbsolutePath().normalize()).isNotEmpty();
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the recorded admission requests in " + FOLDER.toAbsolutePath().normalize(), e);
    }
  }

  /** A fresh copy of one recording, whose request a test may change. */
  static AdmissionRecording named(String name) {
    return read(FOLDER.resolve(name + ".json"));
  }

  /**
   * Asserts that a policy deciding as {@code decision} did would have made the API server answer
   * as it did in {@code setup}: 200 allowed, 403 denied by exactly the validation its message
   * names, 422 failed on the expression its message names. Either way the policy must apply
   * exactly to requests by the executor's ServiceAccount.
   */
  void assertAnsweredAsIn(String setup, Decision decision) {
    Answer answer = answers.get(setup);
    assertThat(answer).as("%s: an answer in set-up %s", name, setup).isNotNull();
    String what = name + " (" + description + "), answered " + answer.httpStatus() + " " + Objects.toString(answer.message(), "") + "\n";
    assertThat(decision.applies()).as(what + "the policy applies").isEqualTo(sentByExecutor());
    switch (answer.httpStatus()) {
      case 200 -> {
        assertThat(decision.errors()).as(what + "evaluation errors").isEmpty();
        assertThat(decision.denials()).as(what + "denials").isEmpty();
      }
      case 403 -> {
        assertThat(decision.errors()).as(what + "evaluation errors").isEmpty();
        assertThat(decision.denials()).as(what + "denials").hasSize(1);
        assertThat(answer.message()).as(what + "the message names the denial").contains(decision.denials().get(0));
      }
      case 422 -> {
        assertThat(decision.errors()).as(what + "evaluation errors").isNotEmpty();
        assertThat(answer.message()).as(what + "the message names the failed expression")
            .contains("expression '" + decision.errors().get(0).expression() + "' resulted in error");
      }
      default -> throw new AssertionError(what + "no policy decision gives HTTP " + answer.httpStatus());
    }
  }

  boolean sentByExecutor() {
    return sentBy.startsWith("system:serviceaccount:") && sentBy.endsWith(":" + EXECUTOR_ACCOUNT);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> object() {
    return (Map<String, Object>) request.get("object");
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> userInfo() {
    return (Map<String, Object>) request.get("userInfo");
  }

  @Override
  public String toString() {
    return name;
  }

  private static AdmissionRecording read(Path file) {
    try {
      JsonNode recording = JSON.readTree(file.toFile());
      return new AdmissionRecording(recording.path("case").asText(), recording.path("description").asText(),
          recording.path("sentBy").path("identity").asText(),
          JSON.convertValue(recording.get("request"), new TypeReference<>() {}),
          JSON.convertValue(recording.get("answers"), new TypeReference<>() {}));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the recording " + file, e);
    }
  }
}
