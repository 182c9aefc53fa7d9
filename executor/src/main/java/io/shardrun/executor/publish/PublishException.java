package io.shardrun.executor.publish;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;

/**
 * A request on the executor's own pod that failed: a results document that did not reach it, or
 * a dynamic shard's read of its assignment. Its message is what the shard's log and the TestRun
 * status show: which pod, the HTTP status and the API server's own message, and what to check for
 * that status; or, when no answer came at all, that the API server could not be reached and why.
 */
public final class PublishException extends RuntimeException {
  private static final String TROUBLESHOOTING = "docs/operations.md#the-executor-cannot-publish-its-results";

  private PublishException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * @param pod {@code NAMESPACE/NAME}
   * @param apiServer the URL the client sent the request to
   */
  public static PublishException of(String pod, String apiServer, KubernetesClientException failure) {
    return failed("cannot publish results into pod " + pod + ": ", apiServer, failure);
  }

  /** A failed read of the pod, named as {@code pod NAMESPACE/NAME}, for what the operator left on it. */
  public static PublishException reading(String pod, String apiServer, KubernetesClientException failure) {
    return failed("cannot read " + pod + ": ", apiServer, failure);
  }

  private static PublishException failed(String what, String apiServer, KubernetesClientException failure) {
    if (failure.getCode() > 0) {
      return new PublishException(what + ApiServerFailures.answered(failure) + hint(failure.getCode()), failure);
    }
    Optional<String> unreachable = ApiServerFailures.whyUnreachable(failure);
    if (unreachable.isPresent()) {
      return new PublishException(what + "the API server at " + apiServer + " could not be reached (" + unreachable.get()
          + "); check that the pod may connect to it (a NetworkPolicy may block its egress)", failure);
    }
    return new PublishException(what + "the request to the API server at " + apiServer + " failed: "
        + ApiServerFailures.innermostMessage(failure), failure);
  }

  private static String hint(int code) {
    return switch (code) {
      case 403 -> "; RBAC or the executor admission policy refused it: the service account needs get and patch on pods"
          + " of its namespace, and may change only shardrun.io/ annotations of its own pod (" + TROUBLESHOOTING + ")";
      case 404 -> "; the pod does not exist: POD_NAME and POD_NAMESPACE must name the executor's own pod";
      case 422 -> "; refused as invalid, by an admission policy or the pod's validation (" + TROUBLESHOOTING + ")";
      default -> "";
    };
  }
}
