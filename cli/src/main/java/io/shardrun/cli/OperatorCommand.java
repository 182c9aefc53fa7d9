package io.shardrun.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.shardrun.core.render.Images;
import io.shardrun.operator.HttpEndpoints;
import io.shardrun.operator.ShardrunOperator;
import io.shardrun.operator.decide.ShardCap;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code shardrun operator}: reconciles TestRuns until stopped (SIGTERM). */
@Command(name = "operator", description = "Run the operator: reconcile TestRuns into shard Jobs and their results"
    + " into TestRun status, until stopped.")
final class OperatorCommand implements Callable<Integer> {
  @Option(names = "--namespaces", split = ",", paramLabel = "NS[,NS...]", defaultValue = "${env:WATCH_NAMESPACES}",
      description = "Namespaces to watch. Default: $WATCH_NAMESPACES, or all namespaces when unset.")
  List<String> namespaces = new ArrayList<>();

  @Option(names = "--leader-election", defaultValue = "false",
      description = "Elect one active replica through a Lease in --lease-namespace (needed with more than one replica).")
  boolean leaderElection;

  @Option(names = "--lease-namespace", paramLabel = "NS", defaultValue = "${env:POD_NAMESPACE}",
      description = "Namespace of the leader-election Lease. Default: $POD_NAMESPACE.")
  String leaseNamespace;

  @Option(names = "--health-port", paramLabel = "PORT", defaultValue = "8080",
      description = "Port of /healthz, /readyz and /metrics (Prometheus). Default: 8080.")
  int healthPort;

  @Option(names = "--max-running-shards-per-namespace", paramLabel = "N",
      description = "The most shard Jobs running at once in one namespace, across TestRuns; runs beyond it wait, oldest"
          + " first, with their Jobs suspended. Default: no cap.")
  Integer maxPerNamespace;

  @Option(names = "--max-running-shards", paramLabel = "N",
      description = "The most shard Jobs running at once in all watched namespaces together. Default: no cap.")
  Integer maxInCluster;

  @Mixin ImageOptions images;

  @Override
  public Integer call() throws InterruptedException {
    if (leaderElection && (leaseNamespace == null || leaseNamespace.isBlank())) {
      throw new CliException("--leader-election needs --lease-namespace (or $POD_NAMESPACE)");
    }
    if ((maxPerNamespace != null && maxPerNamespace < 1) || (maxInCluster != null && maxInCluster < 1)) {
      throw new CliException("--max-running-shards-per-namespace and --max-running-shards must be at least 1, found "
          + maxPerNamespace + " and " + maxInCluster);
    }
    Images shardImages = images.images();
    Set<String> watched = namespaces == null ? Set.of() : Set.copyOf(namespaces.stream().filter(n -> !n.isBlank()).toList());
    KubernetesClient client = new KubernetesClientBuilder().withConfig(ClusterAccess.found()).build();
    try {
      ClusterAccess.checkTestRuns(client, watched);
    } catch (CliException e) {
      client.close();
      throw e;
    }
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Operator operator = ShardrunOperator.start(client, shardImages, watched, leaderElection ? leaseNamespace : null, Clock.systemUTC(), metrics,
        new ShardCap(maxPerNamespace, maxInCluster));
    HttpEndpoints health = HttpEndpoints.start(healthPort, operator.getRuntimeInfo(), metrics);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      health.close();
      operator.stop();
      client.close();
      stopped.countDown();
    }, "shardrun-operator-shutdown"));
    stopped.await();
    return 0;
  }
}
