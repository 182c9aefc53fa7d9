package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the commands' clients are configured from what kubectl would read. */
class ClusterAccessTest {
  @TempDir Path dir;

  @AfterEach
  void forget() {
    System.clearProperty("kubeconfig");
  }

  @Test
  void plainHttpSpeaksHttp11AndTlsMayNegotiateHttp2() throws Exception {
    System.setProperty("kubeconfig", Kubeconfigs.write(dir, "http://127.0.0.1:8001", "default").toString());
    assertThat(ClusterAccess.found().isHttp2Disable()).as("no h2c upgrade over plain http").isTrue();

    System.setProperty("kubeconfig", Kubeconfigs.write(dir, "https://127.0.0.1:6443", "default").toString());
    assertThat(ClusterAccess.found().isHttp2Disable()).isFalse();
    assertThat(ClusterAccess.client().getConfiguration().getRequestRetryBackoffLimit()).isZero();
  }
}
