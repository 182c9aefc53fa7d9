package io.shardrun.crd.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The committed TestPipeline CRD (kept equal to the generated one by {@link CrdFileTest}) says what the API server must check. */
class TestPipelineCrdTest {
  @Test
  void servesTestPipelinesWithStatusSubresourceShortNameAndColumns() throws IOException {
    CustomResourceDefinition crd = committed();
    assertThat(crd.getMetadata().getName()).isEqualTo("testpipelines.shardrun.io");
    assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("tp");
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    CustomResourceDefinitionVersion version = crd.getSpec().getVersions().get(0);
    assertThat(version.getName()).isEqualTo("v1alpha1");
    assertThat(version.getSubresources().getStatus()).isNotNull();
    assertThat(version.getAdditionalPrinterColumns()).extracting(CustomResourceColumnDefinition::getName)
        .containsExactly("Phase", "Stage", "Age");
  }

  @Test
  void schemaBoundsTheStagesAndTheirNamesAndEmbedsTheTestRunSpec() throws IOException {
    JSONSchemaProps spec = schema().getProperties().get("spec");
    assertThat(spec.getRequired()).containsExactly("stages");
    JSONSchemaProps stages = spec.getProperties().get("stages");
    assertThat(stages.getMinItems()).isEqualTo(1L);
    assertThat(stages.getMaxItems()).isEqualTo(20L);
    assertThat(stages.getXKubernetesValidations()).extracting(r -> r.getRule()).containsExactly("self.all(s, self.exists_one(t, t.name == s.name))");
    JSONSchemaProps stage = stages.getItems().getSchema();
    assertThat(stage.getRequired()).containsExactlyInAnyOrder("name", "template");
    assertThat(stage.getProperties().get("name").getPattern()).isEqualTo(PipelineStage.DNS_LABEL);
    assertThat(stage.getProperties().get("name").getMaxLength()).isEqualTo(63L);
    JSONSchemaProps template = stage.getProperties().get("template");
    assertThat(template.getRequired()).containsExactly("spec");
    JSONSchemaProps stageSpec = template.getProperties().get("spec");
    JSONSchemaProps testRunSpec = CrdFileTest.schema().getProperties().get("spec");
    assertThat(stageSpec.getProperties().keySet()).isEqualTo(testRunSpec.getProperties().keySet());
    assertThat(stageSpec.getRequired()).isEqualTo(testRunSpec.getRequired());
  }

  static JSONSchemaProps schema() throws IOException {
    return CrdFileTest.schema(CrdFileTest.PIPELINES);
  }

  static CustomResourceDefinition committed() throws IOException {
    return CrdFileTest.committedCrd(TestPipeline.class);
  }
}
