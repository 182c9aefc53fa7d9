package io.shardrun.executor.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.shardrun.core.results.ResultsDocument;
import io.shardrun.core.results.ShardCounts;
import io.shardrun.core.results.ShardState;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The executor's writes into its pod, against the answers a real API server gave them (testdata/k8s-recordings). */
@EnableKubernetesMockClient
class PodAnnotationPublisherTest {
  static KubernetesClient client;
  static KubernetesMockServer server;

  static final ResultsDocument FIRST = new ResultsDocument(0, ShardState.RUNNING, ShardCounts.tally(1, List.of(), 0), List.of());
  static final String TROUBLESHOOTING = "docs/operations.md#the-executor-cannot-publish-its-results";

  static Pod pod(String namespace, String name) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata().build();
  }

  @Test
  void publishesTheDocumentAsAMergePatchOfItsPodsResultAnnotation() throws InterruptedException {
    server.expect().get().withPath("/api/v1/namespaces/qa/pods/run-shard-0-abc").andReturn(200, pod("qa", "run-shard-0-abc")).once();
    server.expect().patch().withPath("/api/v1/namespaces/qa/pods/run-shard-0-abc").andReturn(200, pod("qa", "run-shard-0-abc")).once();
    new PodAnnotationPublisher(client, "qa", "run-shard-0-abc").publish(FIRST);
    assertThat(server.getLastRequest().getMethod()).isEqualTo("PATCH");
    assertThat(server.getLastRequest().getHeader("Content-Type")).startsWith("application/merge-patch+json");
    assertThat(server.getLastRequest().getBody().readUtf8()).startsWith("{\"metadata\":{\"annotations\":{\"shardrun.io/result\":");
  }

  /** Publishes into the recorded request's pod, which the server reads, then patches as recorded. */
  static Throwable publishWithThePatchAnsweredAsRecorded(RecordedAnswer answer) {
    server.expect().get().withPath(answer.path()).andReturn(200, pod(answer.namespace(), answer.pod())).once();
    server.expect().patch().withPath(answer.path()).andReturn(answer.code(), answer.status()).once();
    return catchThrowable(() -> new PodAnnotationPublisher(client, answer.namespace(), answer.pod()).publish(FIRST));
  }

  @Test
  void anAdmissionRefusalGivesTheStatusTheServersMessageAndWhereToLook() {
    assertThat(publishWithThePatchAnsweredAsRecorded(RecordedAnswer.of("own-pod-add-result", "asInstalled")))
        .isInstanceOf(PublishException.class)
        .hasMessage("cannot publish results into pod shardrun/rec-adm-shard-0-m4lkc: HTTP 422 Invalid: pods \"rec-adm-shard-0-m4lkc\""
            + " is forbidden: ValidatingAdmissionPolicy 'shardrun-executor-own-pod' with binding 'shardrun-executor-own-pod'"
            + " denied request: expression 'variables.podUpdate' resulted in error: composited variable \"podUpdate\" fails to"
            + " evaluate: no such key: subResource; refused as invalid, by an admission policy or the pod's validation (" + TROUBLESHOOTING + ")");
  }

  @Test
  void aPolicyDenialOfAnotherPodIsForbiddenWithThePolicysReason() {
    assertThat(publishWithThePatchAnsweredAsRecorded(RecordedAnswer.of("other-pod-add-result", "fixedPolicyRecordingRbac")))
        .hasMessage("cannot publish results into pod shardrun/rec-adm-shard-1-blhnn: HTTP 403 Forbidden: pods \"rec-adm-shard-1-blhnn\""
            + " is forbidden: ValidatingAdmissionPolicy 'shardrun-executor-own-pod' with binding 'shardrun-executor-own-pod'"
            + " denied request: the Shardrun executor may change only the pod it runs in; RBAC or the executor admission policy"
            + " refused it: the service account needs get and patch on pods of its namespace, and may change only shardrun.io/"
            + " annotations of its own pod (" + TROUBLESHOOTING + ")");
  }

  @Test
  void missingRbacFailsTheClientsReadBeforeThePatch() {
    RecordedAnswer forbidden = RecordedAnswer.of("other-namespace-same-name", "asInstalled");
    server.expect().get().withPath(forbidden.path()).andReturn(forbidden.code(), forbidden.status()).once();
    assertThatThrownBy(() -> new PodAnnotationPublisher(client, forbidden.namespace(), forbidden.pod()).publish(FIRST))
        .hasMessage("cannot publish results into pod shardrun-other/rec-adm-shard-0-m4lkc: HTTP 403 Forbidden:"
            + " pods \"rec-adm-shard-0-m4lkc\" is forbidden: User \"system:serviceaccount:shardrun:shardrun-executor\" cannot get"
            + " resource \"pods\" in API group \"\" in the namespace \"shardrun-other\"; RBAC or the executor admission policy"
            + " refused it: the service account needs get and patch on pods of its namespace, and may change only shardrun.io/"
            + " annotations of its own pod (" + TROUBLESHOOTING + ")");
  }

  @Test
  void aPodThatDoesNotExistPointsAtThePodIdentity() {
    server.expect().get().withPath("/api/v1/namespaces/qa/pods/ghost-shard-0-q2w3e").andReturn(404, new StatusBuilder()
        .withStatus("Failure").withCode(404).withReason("NotFound").withMessage("pods \"ghost-shard-0-q2w3e\" not found").build()).once();
    assertThatThrownBy(() -> new PodAnnotationPublisher(client, "qa", "ghost-shard-0-q2w3e").publish(FIRST))
        .hasMessage("cannot publish results into pod qa/ghost-shard-0-q2w3e: HTTP 404 NotFound: pods \"ghost-shard-0-q2w3e\" not found;"
            + " the pod does not exist: POD_NAME and POD_NAMESPACE must name the executor's own pod");
  }

  @Test
  void anApiServerThatRefusesConnectionsIsUnreachableNotAPermissionProblem() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort(); // closed again: nothing listens there
    }
    try (KubernetesClient nowhere = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
        .withMasterUrl("https://127.0.0.1:" + port).withRequestRetryBackoffLimit(0).build()).build()) {
      assertThatThrownBy(() -> new PodAnnotationPublisher(nowhere, "qa", "run-shard-0-abc").publish(FIRST))
          .hasMessage("cannot publish results into pod qa/run-shard-0-abc: the API server at https://127.0.0.1:" + port + "/"
              + " could not be reached (connection refused); check that the pod may connect to it (a NetworkPolicy may block its egress)");
    }
  }
}
