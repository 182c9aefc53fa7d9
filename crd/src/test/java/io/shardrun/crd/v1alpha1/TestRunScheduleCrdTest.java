package io.shardrun.crd.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The committed TestRunSchedule CRD: what kubectl shows of it, and what its schema holds to. */
class TestRunScheduleCrdTest {
  @Test
  void servesSchedulesWithStatusSubresourceShortNameAndCronJobLikeColumns() throws IOException {
    CustomResourceDefinition crd = CrdFileTest.committedCrd(TestRunSchedule.class);
    assertThat(crd.getMetadata().getName()).isEqualTo("testrunschedules.shardrun.io");
    assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("trs");
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    CustomResourceDefinitionVersion version = crd.getSpec().getVersions().get(0);
    assertThat(version.getName()).isEqualTo("v1alpha1");
    assertThat(version.getSubresources().getStatus()).isNotNull();
    assertThat(version.getAdditionalPrinterColumns()).extracting(CustomResourceColumnDefinition::getName)
        .containsExactly("Schedule", "Suspend", "Active", "Last Schedule", "Age");
  }

  @Test
  void scheduleAndTemplateAreRequired_andTheTemplateSpecIsATestRunSpec() throws IOException {
    JSONSchemaProps root = schema();
    JSONSchemaProps spec = root.getProperties().get("spec");
    assertThat(spec.getRequired()).containsExactlyInAnyOrder("schedule", "template");
    assertThat(spec.getProperties().get("concurrencyPolicy").getEnum()).extracting(Object::toString)
        .containsExactly("\"Allow\"", "\"Forbid\"", "\"Replace\"");
    JSONSchemaProps template = spec.getProperties().get("template");
    assertThat(template.getRequired()).containsExactly("spec");
    JSONSchemaProps testRunSpec = CrdFileTest.schema().getProperties().get("spec");
    assertThat(template.getProperties().get("spec").getProperties()).isEqualTo(testRunSpec.getProperties());
    assertThat(root.getXKubernetesValidations()).singleElement()
        .satisfies(rule -> assertThat(rule.getRule()).isEqualTo("self.metadata.name.size() <= 52"));
  }

  @Test
  void everyFieldHasADescriptionForKubectlExplain() throws IOException {
    List<String> undocumented = CrdSchemaFields.of(schema(), TestRunSchedule.class).stream()
        .filter(f -> f.schema().getDescription() == null || f.schema().getDescription().isBlank())
        .map(CrdSchemaFields.Field::path).toList();
    assertThat(undocumented).isEmpty();
  }

  static JSONSchemaProps schema() throws IOException {
    return CrdFileTest.committedCrd(TestRunSchedule.class).getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema();
  }
}
