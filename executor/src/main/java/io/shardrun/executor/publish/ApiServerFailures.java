package io.shardrun.executor.publish;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/** A failed Kubernetes API request in words: what the server answered, or why no answer came. */
public final class ApiServerFailures {
  private ApiServerFailures() {}

  /** "HTTP 422 Invalid: <the server's message, verbatim>". */
  public static String answered(KubernetesClientException failure) {
    Status status = failure.getStatus();
    String reason = status == null || status.getReason() == null ? "" : " " + status.getReason();
    String message = status == null || status.getMessage() == null ? "" : ": " + status.getMessage();
    return "HTTP " + failure.getCode() + reason + message;
  }

  /**
   * Why the API server could not be reached (unknown host, connection refused, timed out, TLS),
   * from the innermost I/O failures: the client's own messages are often empty. Empty when the
   * failure was not one of reaching the server.
   */
  public static Optional<String> whyUnreachable(Throwable failure) {
    IOException io = null;
    for (Throwable t = failure; t != null && io == null; t = t.getCause()) {
      io = t instanceof IOException found ? found : null;
    }
    return io == null ? Optional.empty() : Optional.of(why(io));
  }

  private static String why(IOException io) {
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

  /** Why a request got no answer: {@link #whyUnreachable}, else the innermost message. */
  public static String whyUnanswered(Throwable failure) {
    return whyUnreachable(failure).orElse(innermostMessage(failure));
  }

  /** The message of the innermost cause that has one. */
  public static String innermostMessage(Throwable failure) {
    String message = "no details";
    for (Throwable t = failure; t != null; t = t.getCause()) {
      message = t.getMessage() == null ? message : t.getMessage();
    }
    return message;
  }
}
