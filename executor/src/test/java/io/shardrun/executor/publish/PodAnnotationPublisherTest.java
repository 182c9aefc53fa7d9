package io.shardrun.executor.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.shardrun.core.results.ResultsDocument;
import io.shardrun.core.results.ShardCounts;
import io.shardrun.core.results.ShardState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The executor's first contact with its pod, against API answers a real cluster gives. */
@EnableKubernetesMockClient
class PodAnnotationPublisherTest {
  static KubernetesClient client;
  static KubernetesMockServer server;

  static final ResultsDocument FIRST = new ResultsDocument(0, ShardState.RUNNING, ShardCounts.tally(1, List.of(), 0), List.of());

  @Test
  void beginReadsItsPodThenPublishesTheFirstDocument() throws InterruptedException {
    server.expect().get().withPath("/api/v1/namespaces/qa/pods/run-shard-0-abc")
        .andReturn(200, new PodBuilder().withNewMetadata().withName("run-shard-0-abc").withNamespace("qa").endMetadata().build())
        .times(2); // the check, then the client's own read before its patch
    server.expect().patch().withPath("/api/v1/namespaces/qa/pods/run-shard-0-abc")
        .andReturn(200, new PodBuilder().withNewMetadata().withName("run-shard-0-abc").withNamespace("qa").endMetadata().build()).once();
    new PodAnnotationPublisher(client, "qa", "run-shard-0-abc").begin(FIRST);
    assertThat(server.getLastRequest().getMethod()).isEqualTo("PATCH");
    assertThat(server.getLastRequest().getBody().readUtf8()).contains("\"shardrun.io/result\"");
  }

  @Test
  void aForbiddenPodSaysWhatTheServiceAccountNeeds() {
    server.expect().get().withPath("/api/v1/namespaces/qa/pods/run-shard-1-abc")
        .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden")
            .withMessage("pods \"run-shard-1-abc\" is forbidden: User \"system:serviceaccount:qa:default\" cannot get resource \"pods\"").build())
        .once();
    assertThatThrownBy(() -> new PodAnnotationPublisher(client, "qa", "run-shard-1-abc").begin(FIRST))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("cannot write results into pod qa/run-shard-1-abc (HTTP 403 Forbidden): the executor's ServiceAccount"
            + " needs get and patch on its own pod (see docs/security.md)");
  }
}
