package io.shardrun.cli;

import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.executor.publish.ApiServerFailures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Whether a command can work with TestRuns on the cluster its client points at, checked once
 * before it starts: one line saying which API server, how the credentials were found, and what
 * is wrong, instead of a client library's retries and stack traces.
 */
final class ClusterAccess {
  static final Path SERVICE_ACCOUNT_TOKEN = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");

  private ClusterAccess() {}

  /**
   * A client configured as kubectl finds its cluster ($KUBECONFIG, ~/.kube/config, or the pod's
   * service account), for commands a person or a CI job runs: no request is retried by the
   * client, each gives up within seconds, so the command decides how long to keep trying.
   */
  static KubernetesClient client() {
    Config config = new ConfigBuilder(found()).withRequestRetryBackoffLimit(0)
        .withConnectionTimeout(5_000).withRequestTimeout(15_000).build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /**
   * The client configuration as kubectl finds it, for every command. HTTP/2 only where TLS
   * negotiates it: over plain http (kubectl proxy) the JDK client's h2c upgrade has left requests
   * without an answer and without a timeout.
   */
  static Config found() {
    Config config = Config.autoConfigure(null);
    return new ConfigBuilder(config).withHttp2Disable(config.getMasterUrl().startsWith("http:")).build();
  }

  /** The namespace of the kubeconfig's current context (or the pod's), else {@code default}, as kubectl picks it. */
  static String namespace(KubernetesClient client) {
    String namespace = client.getConfiguration().getNamespace();
    return namespace == null || namespace.isBlank() ? "default" : namespace;
  }

  /**
   * Lists at most one TestRun where the command will work.
   *
   * @param namespaces where; empty for every namespace
   * @throws CliException when the API server cannot be reached, does not serve TestRuns, or refuses
   */
  static void checkTestRuns(KubernetesClient client, Set<String> namespaces) {
    // Once, without the client's retries: a wrong address should not take half a minute to say so.
    Config once = new ConfigBuilder(client.getConfiguration()).withRequestRetryBackoffLimit(0).build();
    ListOptions one = new ListOptionsBuilder().withLimit(1L).build();
    try (KubernetesClient check = new KubernetesClientBuilder().withConfig(once).build()) {
      if (namespaces.isEmpty()) {
        check.resources(TestRun.class).inAnyNamespace().list(one);
      } else {
        check.resources(TestRun.class).inNamespace(namespaces.iterator().next()).list(one);
      }
    } catch (KubernetesClientException e) {
      throw new CliException(problem(client.getConfiguration(), e));
    }
  }

  static String problem(Config config, KubernetesClientException e) {
    String server = "the Kubernetes API server at " + config.getMasterUrl();
    String credentials = " (credentials: " + credentials(config) + ")";
    if (e.getCode() == 404) {
      return server + " does not serve TestRuns (" + TestRun.API_VERSION + "): install the CRD with the Helm chart"
          + " or manifests/install.yaml (docs/install.md)" + credentials;
    }
    if (e.getCode() > 0) {
      return server + " refused to list TestRuns: " + ApiServerFailures.answered(e) + credentials;
    }
    return "cannot reach " + server + " (" + ApiServerFailures.whyUnanswered(e) + ")" + credentials;
  }

  /** How the client found its credentials, as kubectl users know the places. */
  static String credentials(Config config) {
    if (config.getFile() != null) {
      String context = config.getCurrentContext() == null ? "" : ", context " + config.getCurrentContext().getName();
      return "kubeconfig " + config.getFile() + context;
    }
    if (Files.exists(SERVICE_ACCOUNT_TOKEN)) {
      return "the pod's service account token";
    }
    return "none found: $KUBECONFIG is unset, ~/.kube/config does not exist, and this is not a pod";
  }
}
