package io.shardrun.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.shardrun.core.render.Images;
import io.shardrun.core.render.JobRenderer;
import java.time.Clock;
import java.util.Set;

/** Wires the operator: the TestRun reconciler on the given client, watching the given namespaces. */
public final class ShardrunOperator {
  private ShardrunOperator() {}

  /**
   * A started operator.
   *
   * @param namespaces namespaces to watch; empty for all
   */
  public static Operator start(KubernetesClient client, Set<String> namespaces, Clock clock) {
    // Status is patched with a JSON-patch diff rather than server-side apply: exact for a status
    // the operator owns whole, and served alike by every API server and by the test mock server.
    Operator operator = new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false)
        .withUseSSAToPatchPrimaryResource(false));
    TestRunReconciler reconciler = new TestRunReconciler(new JobRenderer(Images.defaults()), new Events(client, clock), clock);
    operator.register(reconciler, config -> {
      if (!namespaces.isEmpty()) {
        config.settingNamespaces(namespaces);
      }
    });
    operator.start();
    return operator;
  }
}
