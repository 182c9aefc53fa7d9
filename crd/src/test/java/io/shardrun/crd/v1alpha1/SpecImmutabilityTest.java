package io.shardrun.crd.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The API server evaluates the CRD's CEL rule on every update of a TestRun; no API server runs
 * here, so the committed rule is evaluated with the CEL library on specs as the server sees them.
 */
class SpecImmutabilityTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static ValidationRule rule() throws Exception {
    CustomResourceDefinition crd = Serialization.unmarshal(Files.readString(CrdFileTest.COMMITTED), CustomResourceDefinition.class);
    return crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema().getProperties().get("spec")
        .getXKubernetesValidations().get(0);
  }

  static boolean allowed(String oldSpec, String newSpec) throws Exception {
    CelCompiler compiler = CelCompilerFactory.standardCelCompilerBuilder()
        .addVar("self", SimpleType.DYN).addVar("oldSelf", SimpleType.DYN).build();
    CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().build();
    CelRuntime.Program program = runtime.createProgram(compiler.compile(rule().getRule()).getAst());
    return (Boolean) program.eval(Map.of("self", JSON.readValue(newSpec, Map.class), "oldSelf", JSON.readValue(oldSpec, Map.class)));
  }

  static final String SPEC = "{\"suite\": {\"configMap\": \"shop\"}, \"shards\": 4, \"selector\": {\"tags\": [\"smoke\"]}}";

  @Test
  void anUnchangedSpecIsAccepted() throws Exception {
    assertThat(allowed(SPEC, SPEC)).isTrue();
  }

  @Test
  void anyChangeToTheSpecIsRefusedWithAMessageSayingWhatToDo() throws Exception {
    assertThat(allowed(SPEC, SPEC.replace("\"shards\": 4", "\"shards\": 8"))).isFalse();
    assertThat(allowed(SPEC, SPEC.replace("smoke", "regression"))).isFalse();
    assertThat(rule().getMessage()).isEqualTo("spec is immutable: create a new TestRun to run again or differently");
  }
}
