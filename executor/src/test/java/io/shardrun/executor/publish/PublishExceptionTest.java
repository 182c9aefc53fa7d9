package io.shardrun.executor.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import org.junit.jupiter.api.Test;

/**
 * Failures without an HTTP answer, shaped as Fabric8's JDK client raises them (code -1, no
 * Status, the I/O failure as cause), and answers without a reason.
 */
class PublishExceptionTest {
  static final String API = "https://10.96.0.1:443/";
  static final String OPERATION = "Operation: [get]  for kind: [Pod]  with name: [p]  in namespace: [qa]  failed.";

  static KubernetesClientException noAnswer(Throwable cause) {
    return new KubernetesClientException(OPERATION, cause); // as the client wraps an I/O failure: no code, no Status
  }

  static String message(KubernetesClientException failure) {
    return PublishException.of("qa/p", API, failure).getMessage();
  }

  @Test
  void anUnknownHostIsSaidSo() {
    ConnectException connect = new ConnectException();
    connect.initCause(new UnresolvedAddressException());
    assertThat(message(noAnswer(new IOException(connect)))).isEqualTo("cannot publish results into pod qa/p: the API server at "
        + API + " could not be reached (unknown host); check that the pod may connect to it (a NetworkPolicy may block its egress)");
  }

  @Test
  void aConnectTimeoutIsSaidSo() {
    HttpConnectTimeoutException timeout = new HttpConnectTimeoutException("HTTP connect timed out");
    timeout.initCause(new ConnectException("HTTP connect timed out"));
    assertThat(message(noAnswer(new IOException("HTTP connect timed out", timeout))))
        .contains("the API server at " + API + " could not be reached (timed out);");
  }

  @Test
  void anotherConnectFailureKeepsItsOwnWords() {
    assertThat(message(noAnswer(new IOException(new ConnectException("No route to host")))))
        .contains("could not be reached (No route to host);");
  }

  @Test
  void aFailureThatIsNotAboutTheConnectionSaysTheRequestFailed() {
    assertThat(message(noAnswer(new InterruptedException())))
        .isEqualTo("cannot publish results into pod qa/p: the request to the API server at " + API + " failed: " + OPERATION);
  }

  @Test
  void anAnswerWithoutReasonOrHintGivesCodeAndMessage() {
    KubernetesClientException answer = new KubernetesClientException(new StatusBuilder().withCode(500)
        .withMessage("etcdserver: request timed out").build());
    assertThat(message(answer)).isEqualTo("cannot publish results into pod qa/p: HTTP 500: etcdserver: request timed out");
  }
}
