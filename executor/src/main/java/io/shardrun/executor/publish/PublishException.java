package io.shardrun.executor.publish;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/**
 * A results document that did not reach the executor's pod. Its message is what the shard's log
 * and the TestRun status show: which pod, the HTTP status and the API server's own message, and
 * what to check for that status; or, when no answer came at all, that the API server could not
 * be reached and why.
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
    String what = "cannot publish results into pod " + pod + ": ";
    if (failure.getCode() > 0) {
      return new PublishException(what + answered(failure) + hint(failure.getCode()), failure);
    }
    IOException io = ioCause(failure);
    if (io != null) {
      return new PublishException(what + "the API server at " + apiServer + " could not be reached (" + whyUnreachable(io)
          + "); check that the pod may connect to it (a NetworkPolicy may block its egress)", failure);
    }
    return new PublishException(what + "the request to the API server at " + apiServer + " failed: " + innermostMessage(failure), failure);
  }

  /** "HTTP 422 Invalid: <the server's message, verbatim>". */
  private static String answered(KubernetesClientException failure) {
    Status status = failure.getStatus();
    String reason = status == null || status.getReason() == null ? "" : " " + status.getReason();
    String message = status == null || status.getMessage() == null ? "" : ": " + status.getMessage();
    return "HTTP " + failure.getCode() + reason + message;
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

  private static IOException ioCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof IOException io) {
        return io;
      }
    }
    return null;
  }

  /** In words, from the innermost I/O failures: the client's own messages are often empty. */
  private static String whyUnreachable(IOException io) {
    for (Throwable t = io; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return "unknown host";
      }
      if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
        return "timed out";
      }
      if (t instanceof SSLException) {
        return "TLS handshake failed: " + t.getMessage();
      }
    }
    for (Throwable t = io; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        // Java's HTTP client reports a refused connection without a message.
        return t.getMessage() == null ? "connection refused" : t.getMessage();
      }
    }
    return innermostMessage(io);
  }

  private static String innermostMessage(Throwable failure) {
    String message = "no details";
    for (Throwable t = failure; t != null; t = t.getCause()) {
      message = t.getMessage() == null ? message : t.getMessage();
    }
    return message;
  }
}
