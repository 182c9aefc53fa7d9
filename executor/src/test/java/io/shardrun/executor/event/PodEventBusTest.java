package io.shardrun.executor.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.shardrun.core.budget.Budgets;
import io.shardrun.core.results.Event;
import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.results.RelayedEvents;
import io.shardrun.executor.TestBrowser;
import io.shardrun.executor.TestFiles;
import io.shardrun.executor.publish.OwnPodAnnotations;
import io.shardrun.executor.publish.PublishException;
import io.shardrun.executor.run.FileRunner;
import io.shardrun.executor.run.RunLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shard pod's events: the operator's relay in its own pod's annotation, and its own, against the Fabric8 mock API server. */
@EnableKubernetesMockClient(crud = true)
class PodEventBusTest {
  static KubernetesClient client;
  static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor();
  static final Event CREATED = new Event("order.created", "order-17", "create.json", 1, 1_000L);
  static final Event PAID = new Event("order.paid", "order-17", "pay.json", 2, 2_000L);

  @TempDir Path out;

  @AfterAll
  static void stop() {
    WATCHDOG.shutdownNow();
  }

  static void pod(String namespace, String name, Map<String, String> annotations) {
    client.pods().inNamespace(namespace).resource(new PodBuilder().withNewMetadata().withName(name).withNamespace(namespace)
        .withAnnotations(annotations).endMetadata().build()).createOr(p -> p.update());
  }

  @Test
  void readsTheRelayedEventsOfItsOwnPodAfterItsOwnAndKeepsOffsetsAsTheRelayGrows() {
    pod("qa", "run-shard-0-a", Map.of());
    List<Event> told = new ArrayList<>();
    PodEventBus bus = new PodEventBus(new OwnPodAnnotations(client, "qa", "run-shard-0-a"), told::add);
    Event own = new Event("order.shipped", "order-17", "ship.json", 0, 3_000L);

    bus.publish(own);
    EventBus.Page first = bus.read(0);
    pod("qa", "run-shard-0-a", Map.of(RelayedEvents.ANNOTATION, RelayedEvents.encode(List.of(CREATED, own))));
    EventBus.Page second = bus.read(first.next());
    pod("qa", "run-shard-0-a", Map.of(RelayedEvents.ANNOTATION, RelayedEvents.encode(List.of(PAID))));
    EventBus.Page third = bus.read(second.next());

    assertThat(told).containsExactly(own);
    assertThat(first.events()).containsExactly(own);
    assertThat(second.events()).as("its own event, relayed back, is not read twice").containsExactly(CREATED);
    assertThat(third.events()).containsExactly(PAID);
    assertThat(bus.read(0).events()).containsExactly(own, CREATED, PAID);
  }

  @Test
  void aPodThatCannotBeReadIsAnErrorNamingThePod() {
    Config nowhere = new ConfigBuilder().withMasterUrl("http://127.0.0.1:1").withRequestRetryBackoffLimit(0).build();
    try (KubernetesClient unreachable = new KubernetesClientBuilder().withConfig(nowhere).build()) {
      assertThatThrownBy(() -> new PodEventBus(new OwnPodAnnotations(unreachable, "qa", "run-shard-3-d"), e -> {}).read(0))
          .isInstanceOf(PublishException.class)
          .hasMessageStartingWith("cannot read pod qa/run-shard-3-d: the API server at http://127.0.0.1:1/ could not be reached");
    }
  }

  @Test
  void anAnnotationThatHoldsNoEventsIsAnErrorNamingThePodAndAnnotation() {
    pod("qa", "run-shard-1-b", Map.of(RelayedEvents.ANNOTATION, "{\"events\": 3}"));
    assertThatThrownBy(() -> new PodEventBus(new OwnPodAnnotations(client, "qa", "run-shard-1-b"), e -> {}).read(0))
        .hasMessageStartingWith("pod qa/run-shard-1-b annotation shardrun.io/events: bad relayed events: ");
  }

  @Test
  void aWaitInAShardPodPassesOnAnEventTheOperatorRelayed() {
    pod("qa", "run-shard-2-c", Map.of(RelayedEvents.ANNOTATION, RelayedEvents.encode(List.of(CREATED))));
    PodEventBus bus = new PodEventBus(new OwnPodAnnotations(client, "qa", "run-shard-2-c"), e -> {});
    RunLimits limits = new RunLimits(Duration.ofSeconds(2), Duration.ofSeconds(60), null, Instant.now());

    FileRun run = new FileRunner(TestBrowser.sessions(), Map.of(), limits, out, WATCHDOG, bus).run(TestFiles.parse("ship.json", """
        {"steps": [{"command": "waitForEvent", "target": "order.created", "value": "order-1[0-9]", "timeout_s": 5}]}"""),
        null, 2, Budgets.NONE);

    assertThat(run.status()).isEqualTo(Outcome.PASSED);
    assertThat(run.steps().get(0).observed()).isEqualTo("order-17");
  }
}
