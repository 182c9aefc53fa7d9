package io.shardrun.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.shardrun.core.render.Images;
import io.shardrun.core.render.JobRenderer;
import io.shardrun.operator.decide.ShardCap;
import io.shardrun.operator.schedule.TestRunScheduleReconciler;
import io.shardrun.operator.pipeline.TestPipelineReconciler;
import java.time.Clock;
import java.util.Set;
import java.util.function.Consumer;

/** Wires the operator: the TestRun, TestRunSchedule and TestPipeline reconcilers on the given client, watching the given namespaces. */
public final class ShardrunOperator {
  public static final String LEASE = "shardrun-operator";

  private ShardrunOperator() {}

  /**
   * A started operator.
   *
   * @param images the images of shard pods whose TestRun names none
   * @param namespaces namespaces to watch; empty for all
   * @param metrics where JOSDK's and Shardrun's metrics go
   * @param leaseNamespace where replicas elect a leader (a Lease named {@value #LEASE}); null runs
   *     without leader election (one replica)
   */
  public static Operator start(KubernetesClient client, Images images, Set<String> namespaces, String leaseNamespace, Clock clock,
      MeterRegistry metrics) {
    return start(client, images, namespaces, leaseNamespace, clock, metrics, ShardCap.NONE);
  }

  /**
   * A started operator under a cap on running shards across runs.
   *
   * @param cap the most shard Jobs running at once per namespace and in the cluster
   */
  public static Operator start(KubernetesClient client, Images images, Set<String> namespaces, String leaseNamespace, Clock clock,
      MeterRegistry metrics, ShardCap cap) {
    // Status is patched with a JSON-patch diff rather than server-side apply: exact for a status
    // the operator owns whole, and served alike by every API server and by the test mock server.
    Operator operator = new Operator(o -> {
      o.withKubernetesClient(client).withCloseClientOnStop(false).withUseSSAToPatchPrimaryResource(false)
          .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(metrics));
      if (leaseNamespace != null) {
        o.withLeaderElectionConfiguration(new LeaderElectionConfiguration(LEASE, leaseNamespace));
      }
    });
    TestRunReconciler reconciler = new TestRunReconciler(new JobRenderer(images), new Events(client, clock),
        new RunMetrics(metrics), clock, new ShardSlots(cap, metrics));
    operator.register(reconciler, watching(namespaces));
    operator.register(new TestRunScheduleReconciler(new Events(client, clock), clock), watching(namespaces));
    operator.register(new TestPipelineReconciler(new Events(client, clock), clock), watching(namespaces));
    operator.start();
    return operator;
  }

  private static <R extends HasMetadata> Consumer<ControllerConfigurationOverrider<R>> watching(Set<String> namespaces) {
    return config -> {
      if (!namespaces.isEmpty()) {
        config.settingNamespaces(namespaces);
      }
    };
  }
}
