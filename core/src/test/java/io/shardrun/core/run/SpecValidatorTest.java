package io.shardrun.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.shardrun.crd.v1alpha1.SuiteSource;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.crd.v1alpha1.TestRunSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecValidatorTest {
  static TestRun valid() {
    TestRun run = new TestRun();
    run.getMetadata().setName("nightly");
    TestRunSpec spec = new TestRunSpec();
    spec.setSuite(new SuiteSource("shop-suite"));
    run.setSpec(spec);
    return run;
  }

  @Test
  void aMinimalTestRunWithDefaultsIsValid() {
    assertThat(SpecValidator.problems(valid())).isEmpty();
  }

  @Test
  void everyProblemIsReportedWithItsField() {
    TestRun run = valid();
    run.getSpec().setShards(0);
    run.getSpec().setRetries(11);
    run.getSpec().setTimeoutSeconds(0L);
    run.getSpec().getSelector().setInclude(List.of("ok", "checkout/(")); 
    run.getSpec().setEnv(List.of(
        new EnvVarBuilder().withName("POD_NAME").withValue("x").build(),
        new EnvVarBuilder().withName("1 bad").withValue("x").build()));
    assertThat(SpecValidator.problems(run)).containsExactly(
        "spec.shards: expected 1 to 1000, found 0",
        "spec.retries: expected 0 to 10, found 11",
        "spec.timeoutSeconds: expected at least 1, found 0",
        "spec.env[0].name: POD_NAME is set by Shardrun and cannot be overridden",
        "spec.env[1].name: expected an environment variable name, found '1 bad'",
        "spec.selector.include[1]: invalid regular expression 'checkout/(': Unclosed group near index 10");
  }

  @Test
  void shardsHeldBackByParallelismCannotStartTogether() {
    TestRun run = valid();
    run.getSpec().setShards(4);
    run.getSpec().setStartTogether(true);
    assertThat(SpecValidator.problems(run)).isEmpty();
    run.getSpec().setParallelism(2);
    run.getSpec().setStartTogetherTimeoutSeconds(0);
    assertThat(SpecValidator.problems(run)).containsExactly(
        "spec.startTogetherTimeoutSeconds: expected at least 1, found 0",
        "spec.startTogether: the shards cannot all start together while spec.parallelism (2) holds some back;"
            + " remove parallelism or startTogether");
  }

  @Test
  void theSuiteConfigMapIsRequired() {
    TestRun run = valid();
    run.getSpec().setSuite(null);
    assertThat(SpecValidator.problems(run))
        .containsExactly("spec.suite.configMap: missing; expected the name of the ConfigMap holding the suite");
  }

  @Test
  void namesOfOtherObjectsAreCheckedAsTheApiServerWould() {
    TestRun run = valid();
    run.getSpec().setRerunFailedOf("Nightly_42");
    run.getSpec().getExecutor().setServiceAccountName("CI Runner");
    assertThat(SpecValidator.problems(run)).containsExactly(
        "spec.rerunFailedOf: expected the name of a TestRun (a-z, 0-9, '-', '.'), found 'Nightly_42'",
        "spec.executor.serviceAccountName: expected a ServiceAccount name (a-z, 0-9, '-', '.'), found 'CI Runner'");
  }

  @Test
  void theNameMustBeADnsName() {
    TestRun run = valid();
    run.getMetadata().setName("Nightly_Run");
    assertThat(SpecValidator.problems(run)).singleElement().asString().startsWith("metadata.name:");
  }

  @Test
  void aMissingNameIsRequired() {
    TestRun run = valid();
    run.getMetadata().setName(null);
    assertThat(SpecValidator.problems(run)).containsExactly("metadata.name: required");
  }

  @Test
  void aNameMayHave253CharactersSinceTheJobNamesDerivedFromItAreShortened() {
    TestRun run = valid();
    run.getMetadata().setName("a".repeat(253));
    assertThat(SpecValidator.problems(run)).isEmpty();
    assertThat(io.shardrun.core.render.Names.shardJob(run.getMetadata().getName(), 999)).hasSizeLessThanOrEqualTo(63);
    run.getMetadata().setName("a".repeat(300));
    assertThat(SpecValidator.problems(run)).containsExactly("metadata.name: at most 253 characters (found 300)");
  }

  @Test
  void anEnvNameWithACommaIsRefusedSoTheExecutorsCommaSeparatedVariablesListStaysExact() {
    TestRun run = valid();
    run.getSpec().setEnv(List.of(new EnvVarBuilder().withName("USER,TOKEN").withValue("x").build()));
    assertThat(SpecValidator.problems(run)).containsExactly("spec.env[0].name: expected an environment variable name, found 'USER,TOKEN'");
  }

  @Test
  void anEnvEntryWithBothValueAndValueFromIsRefusedBeforeTheApiServerWould() {
    TestRun run = valid();
    run.getSpec().setEnv(List.of(new EnvVarBuilder().withName("TOKEN").withValue("x")
        .withNewValueFrom().withNewSecretKeyRef().withName("s").withKey("k").endSecretKeyRef().endValueFrom().build()));
    assertThat(SpecValidator.problems(run)).containsExactly("spec.env[0]: set value or valueFrom, not both");
  }
}
