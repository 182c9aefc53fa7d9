package io.shardrun.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Kubeconfig files for tests: what kubectl and the commands would read to reach a (mock) API server. */
final class Kubeconfigs {
  private Kubeconfigs() {}

  /** A kubeconfig whose current context points at {@code server} with {@code namespace}. */
  static Path write(Path dir, String server, String namespace) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "kubeconfig", ".yaml"), """
        apiVersion: v1
        kind: Config
        clusters:
          - name: test
            cluster:
              server: %s
        users:
          - name: tester
            user:
              token: test-token
        contexts:
          - name: test
            context:
              cluster: test
              user: tester
              namespace: %s
        current-context: test
        """.formatted(server, namespace));
  }
}
