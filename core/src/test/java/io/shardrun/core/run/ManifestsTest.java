package io.shardrun.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardrun.crd.v1alpha1.Sharding;
import io.shardrun.crd.v1alpha1.TestRun;
import org.junit.jupiter.api.Test;

class ManifestsTest {
  static final String RUN = """
      apiVersion: shardrun.io/v1alpha1
      kind: TestRun
      metadata:
        name: nightly
      spec:
        suite:
          configMap: shop-suite
        shards: 4
        sharding: hash
      """;

  @Test
  void readsTestRunsAndConfigMapsFromAMultiDocumentStreamAndPassesOverOtherKinds() {
    String yaml = RUN + """
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: shop-suite
        data:
          a.json: "{}"
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: site
        """;
    Manifests.Documents docs = Manifests.read(yaml, "run.yaml");
    assertThat(docs.testRuns()).singleElement().satisfies(run -> {
      assertThat(run.getSpec().getShards()).isEqualTo(4);
      assertThat(run.getSpec().getSharding()).isEqualTo(Sharding.HASH);
      assertThat(run.getSpec().getRetries()).as("default").isEqualTo(2);
    });
    assertThat(docs.configMaps()).singleElement().satisfies(cm -> assertThat(cm.getData()).containsKey("a.json"));
  }

  @Test
  void aTypoInTheSpecIsAnErrorNamingTheFieldAndTheKnownOnes() {
    String yaml = RUN.replace("shards: 4", "shard: 4");
    assertThatThrownBy(() -> Manifests.read(yaml, "run.yaml"))
        .hasMessage("run.yaml (document 1): unknown field 'shard' at spec.shard; expected one of browser, env,"
            + " executor, history, parallelism, rerunFailedOf, retries, selector, sharding, shards, suite, timeoutSeconds,"
            + " ttlSecondsAfterFinished");
  }

  @Test
  void anUnknownFieldInsideAKubernetesTypeIsAnErrorNamingItsPathAndTheKnownFields() {
    String yaml = RUN + "  browser:\n    resources:\n      limit: {memory: 2Gi}\n";
    assertThatThrownBy(() -> Manifests.read(yaml, "run.yaml"))
        .hasMessage("run.yaml (document 1): unknown field 'limit' at spec.browser.resources.limit; expected one of claims,"
            + " limits, requests");
  }

  @Test
  void anUnknownFieldInAConfigMapIsAnError() {
    String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: suite}\ndat:\n  a.json: '{}'\n";
    assertThatThrownBy(() -> Manifests.read(yaml, "suite.yaml"))
        .hasMessageStartingWith("suite.yaml (document 1): unknown field 'dat' at dat; expected one of ");
  }

  @Test
  void anUnknownFieldInAnEnvEntryIsAnError() {
    String yaml = RUN + "  env:\n  - name: BASE_URL\n    valu: http://x\n";
    assertThatThrownBy(() -> Manifests.read(yaml, "run.yaml"))
        .hasMessageContaining("unknown field 'valu' at spec.env[0]");
  }

  @Test
  void anUnknownShardingStrategyIsAnError() {
    assertThatThrownBy(() -> Manifests.read(RUN.replace("sharding: hash", "sharding: random"), "run.yaml"))
        .hasMessageContaining("run.yaml (document 1)").hasMessageContaining("random");
  }

  @Test
  void aTestRunOfAnotherApiVersionIsRefused() {
    assertThatThrownBy(() -> Manifests.read(RUN.replace("v1alpha1", "v1"), "run.yaml"))
        .hasMessage("run.yaml (document 1): TestRun apiVersion must be shardrun.io/v1alpha1, found 'shardrun.io/v1'");
  }

  @Test
  void writtenYamlReadsBackToTheSameTestRun() {
    TestRun run = Manifests.read(RUN, "run.yaml").testRuns().get(0);
    String written = Manifests.write(java.util.List.of(run));
    assertThat(written).startsWith("---\n");
    TestRun again = Manifests.read(written, "written").testRuns().get(0);
    assertThat(again.getSpec().getShards()).isEqualTo(4);
    assertThat(again.getSpec().getSuite().getConfigMap()).isEqualTo("shop-suite");
  }

  @Test
  void explicitNullsMeanTheDefaults() {
    String yaml = RUN + "  selector:\n    tags: null\n  browser: null\n  env: null\n";
    TestRun run = Manifests.read(yaml, "run.yaml").testRuns().get(0);
    assertThat(run.getSpec().getSelector().getTags()).isEmpty();
    assertThat(run.getSpec().getBrowser().getPort()).isEqualTo(9515);
    assertThat(run.getSpec().getEnv()).isEmpty();
    assertThat(SpecValidator.problems(run)).isEmpty();
  }
}
