package io.shardrun.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.fabric8.kubernetes.api.model.Quantity;
import io.shardrun.crd.v1alpha1.Sharding;
import io.shardrun.crd.v1alpha1.TestRun;
import java.time.Duration;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    assertThat(docs.placedTestRuns()).extracting(Manifests.Placed::place).containsExactly("run.yaml (document 1)");
    assertThat(docs.placedConfigMaps()).extracting(Manifests.Placed::place).containsExactly("run.yaml (document 2)");
    assertThat(docs.ignored()).containsExactly(new Manifests.Ignored("run.yaml (document 3)", "kind Service"));
  }

  @Test
  void aTypoInTheSpecIsAnErrorNamingTheFieldAndTheKnownOnes() {
    String yaml = RUN.replace("shards: 4", "shard: 4");
    assertThatThrownBy(() -> Manifests.read(yaml, "run.yaml"))
        .hasMessage("run.yaml (document 1): unknown field 'shard' at spec.shard; expected one of batch, browser, compare, env,"
            + " executor, failFast, history, parallelism, rerunFailedOf, retries, selector, sharding, shards, startTogether,"
            + " startTogetherTimeoutSeconds, suite, timeoutSeconds,"
            + " ttlSecondsAfterFinished, variants");
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

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      shards: abc                              | spec.shards: expected an integer, found 'abc'
      shards: [1, 2]                           | spec.shards: expected an integer, found a list
      shards: true                             | spec.shards: expected an integer, found true
      shards: "4"                              | spec.shards: expected an integer, found '4'
      shards: 1.5                              | spec.shards: expected an integer, found 1.5
      ttlSecondsAfterFinished: 99999999999     | spec.ttlSecondsAfterFinished: expected an integer from -2147483648 to 2147483647, found 99999999999
      selector: [smoke]                        | spec.selector: expected a mapping, found a list
      env: {BASE_URL: x}                       | spec.env: expected a list, found a mapping
      env: [{name: A, value: {b: c}}]          | spec.env[0].value: expected a string, found a mapping
      selector: {tags: [{a: 1}]}               | spec.selector.tags[0]: expected a string, found a mapping
      browser: {resources: {limits: {cpu: [1]}}} | spec.browser.resources.limits.cpu: a list is not a valid value here
      """)
  void aValueOfTheWrongTypeIsAPlainErrorNamingTheField(String field, String message) {
    assertPlain(catchThrowable(() -> Manifests.read(RUN.replace("shards: 4", field), "run.yaml")))
        .hasMessage("run.yaml (document 1): " + message);
  }

  @Test
  void anUnknownShardingStrategyIsAnErrorListingTheKnownOnes() {
    assertPlain(catchThrowable(() -> Manifests.read(RUN.replace("sharding: hash", "sharding: random"), "run.yaml")))
        .hasMessage("run.yaml (document 1): spec.sharding: 'random' is not one of hash, balanced, dynamic");
    assertPlain(catchThrowable(() -> Manifests.read(RUN.replace("sharding: hash", "sharding: 1"), "run.yaml")))
        .as("not the second strategy").hasMessage("run.yaml (document 1): spec.sharding: 1 is not one of hash, balanced, dynamic");
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

  @Test
  void anAliasIsItsAnchorsValueOnScalarIntegerMappingAndSequenceFields() {
    String yaml = RUN.replace("shards: 4", "shards: &n 3\n  retries: *n") + """
          env:
          - name: BASE_URL
            value: &url https://shop.example.com
          - name: HOME_URL
            value: *url
          selector:
            tags: &smoke [smoke, fast]
            excludeTags: *smoke
          browser:
            resources: &resources
              limits: {memory: 3Gi}
          executor:
            resources: *resources
        """;
    TestRun run = Manifests.read(yaml, "run.yaml").testRuns().get(0);
    assertThat(run.getSpec().getShards()).isEqualTo(3);
    assertThat(run.getSpec().getRetries()).isEqualTo(3);
    assertThat(run.getSpec().getEnv()).extracting(e -> e.getValue())
        .containsExactly("https://shop.example.com", "https://shop.example.com");
    assertThat(run.getSpec().getSelector().getExcludeTags()).containsExactly("smoke", "fast");
    assertThat(run.getSpec().getExecutor().getResources().getLimits()).containsEntry("memory", new Quantity("3Gi"));
  }

  @Test
  void aMergeKeyTakesTheAnchorsFieldsAndTheMappingsOwnWin() {
    String yaml = RUN + """
          browser:
            resources: &defaults
              requests: {cpu: 500m}
              limits: {memory: 2Gi}
          executor:
            resources:
              <<: *defaults
              limits: {memory: 1Gi}
        """;
    TestRun run = Manifests.read(yaml, "run.yaml").testRuns().get(0);
    assertThat(run.getSpec().getExecutor().getResources().getRequests()).containsEntry("cpu", new Quantity("500m"));
    assertThat(run.getSpec().getExecutor().getResources().getLimits()).containsEntry("memory", new Quantity("1Gi"));
  }

  @Test
  void anAliasBombIsRefusedFastNamingTheFileAndTheDocument() {
    // "Billion laughs": 9 levels of 9 aliases each would expand to 9^9 (387 million) strings.
    StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n  a0: &a0 lol\n");
    for (int level = 1; level <= 9; level++) {
      bomb.append("  a").append(level).append(": &a").append(level).append(" [")
          .append(("*a" + (level - 1) + ", ").repeat(8)).append("*a").append(level - 1).append("]\n");
    }
    String yaml = RUN + "---\n" + bomb;
    assertPlain(org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> catchThrowable(() -> Manifests.read(yaml, "run.yaml"))))
        .hasMessage("run.yaml (document 2): its aliases expand it by more than 3,145,728 characters; refused as an alias bomb");
  }

  @Test
  void aliasesNestingADocumentDeeperThanAnyObjectAreRefused() {
    StringBuilder chain = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\nx:\n  l0: &l0 [end]\n");
    for (int level = 1; level <= 250; level++) {
      chain.append("  l").append(level).append(": &l").append(level).append(" [*l").append(level - 1).append("]\n");
    }
    assertPlain(catchThrowable(() -> Manifests.read(chain.toString(), "deep.yaml")))
        .hasMessage("deep.yaml (document 1): nested more than 200 levels deep once its aliases are expanded");
  }

  @Test
  void anAnchorAliasedInsideItselfIsRefused() {
    String yaml = RUN + "  selector:\n    tags: &tags [smoke, *tags]\n";
    assertPlain(catchThrowable(() -> Manifests.read(yaml, "run.yaml")))
        .hasMessage("run.yaml (document 1): anchor &tags (line 11) is aliased inside itself, which would expand without end");
  }

  @Test
  void anAliasWithoutItsAnchorIsAnErrorWithItsLine() {
    assertPlain(catchThrowable(() -> Manifests.read(RUN.replace("shards: 4", "shards: *n"), "run.yaml")))
        .hasMessage("run.yaml (document 1): not valid YAML at line 8, column 11: found undefined alias n");
  }

  @Test
  void aKeyWrittenTwiceInAMappingIsAnErrorNamingTheKeyAndItsLine() {
    String yaml = RUN + "---\n" + RUN.replace("shards: 4", "shards: 4\n  shards: 8");
    assertPlain(catchThrowable(() -> Manifests.read(yaml, "run.yaml")))
        .hasMessage("run.yaml (document 2): duplicate key 'shards' at line 19, column 3; a key may appear only once in a mapping");
  }

  @Test
  void plainScalarsAreTypedAsKubectlTypesThem() {
    String yaml = RUN + """
          env:
          - {name: AT, value: 10:30}
          - {name: DAY, value: 2026-11-20}
          - {name: PORT, value: 8080}
          - {name: DEBUG, value: yes}
        """;
    TestRun run = Manifests.read(yaml, "run.yaml").testRuns().get(0);
    assertThat(run.getSpec().getEnv()).extracting(e -> e.getValue()).containsExactly("10:30", "2026-11-20", "8080", "true");
  }

  @Test
  void aByteOrderMarkStartingTheFileIsDropped() {
    TestRun run = Manifests.read("\uFEFF" + RUN, "run.yaml").testRuns().get(0);
    assertThat(run.getApiVersion()).isEqualTo(TestRun.API_VERSION);
  }

  @Test
  void aByteOrderMarkAnywhereElseIsNamedWithItsLine() {
    String yaml = RUN + "---\n\uFEFF" + RUN; // two files joined with cat, the second saved with a BOM
    assertPlain(catchThrowable(() -> Manifests.read(yaml, "run.yaml")))
        .hasMessage("run.yaml: line 11, column 1: a byte order mark (U+FEFF), an invisible character, is allowed only at"
            + " the start of the file; remove it");
  }

  @Test
  void aConfigMapOfAnotherApiVersionIsPassedOverSaying() {
    String yaml = RUN + "---\napiVersion: apps/v1\nkind: ConfigMap\nmetadata: {name: shop-suite}\n";
    Manifests.Documents docs = Manifests.read(yaml, "run.yaml");
    assertThat(docs.configMaps()).isEmpty();
    assertThat(docs.ignored()).containsExactly(new Manifests.Ignored("run.yaml (document 2)", "kind ConfigMap of apiVersion 'apps/v1' (not v1)"));
  }

  @Test
  void aDocumentThatIsNoKubernetesObjectIsAnError() {
    assertPlain(catchThrowable(() -> Manifests.read("- smoke\n- fast\n", "run.yaml")))
        .hasMessage("run.yaml (document 1): expected a Kubernetes object (a mapping with apiVersion and kind), found a list");
    assertPlain(catchThrowable(() -> Manifests.read(RUN.replace("kind: TestRun\n", ""), "run.yaml")))
        .hasMessage("run.yaml (document 1): kind: required; every document must be a Kubernetes object with apiVersion and kind");
  }

  @Test
  void emptyDocumentsArePassedOver() {
    Manifests.Documents docs = Manifests.read("---\n# nothing yet\n---\n" + RUN + "---\n", "run.yaml");
    assertThat(docs.placedTestRuns()).extracting(Manifests.Placed::place).containsExactly("run.yaml (document 2)");
    assertThat(docs.ignored()).isEmpty();
  }

  /** Asserts on a message written for people: no Java type, exception or Jackson wording in it. */
  static AbstractThrowableAssert<?, ? extends Throwable> assertPlain(Throwable thrown) {
    assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
    assertThat(thrown.getMessage()).doesNotContain("Exception", "java.", "io.shardrun", "io.fabric8", "com.fasterxml",
        "org.yaml", "Cannot deserialize", "`");
    return assertThat(thrown);
  }
}
