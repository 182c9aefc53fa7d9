package io.shardrun.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.shardrun.core.render.Images;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class HttpEndpointsTest {
  static KubernetesClient client;

  @Test
  void aStartedOperatorIsReadyHealthyAndServesPrometheusMetrics() throws Exception {
    client.apiextensions().v1().customResourceDefinitions().load(Path.of("../crd/testruns.shardrun.io-v1.yml").toFile()).create();
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Operator operator = ShardrunOperator.start(client, Images.defaults(), Set.of(), null, Clock.systemUTC(), metrics);
    try (HttpEndpoints health = HttpEndpoints.start(0, operator.getRuntimeInfo(), metrics)) {
      HttpClient http = HttpClient.newHttpClient();
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        for (String path : new String[] {"/readyz", "/healthz"}) {
          HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + health.port() + path)).build(),
              HttpResponse.BodyHandlers.ofString());
          assertThat(response.statusCode()).as(path).isEqualTo(200);
          assertThat(response.body()).isEqualTo("ok");
        }
      });
      HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + health.port() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.body()).contains("operator_sdk_");
    } finally {
      operator.stop();
    }
  }
}
