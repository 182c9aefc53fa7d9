package io.shardrun.crd.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed CRD, and its copy in the Helm chart, must be what the build generates. The build
 * writes both with {@code mvn -pl crd verify -Dshardrun.updateCrd=true}; nobody edits them.
 */
class CrdFileTest {
  static final Path COMMITTED = Path.of("testruns.shardrun.io-v1.yml");
  static final Path CHART_COPY = Path.of("../charts/shardrun/crds/testruns.shardrun.io-v1.yml");
  static final Path PIPELINES = Path.of("testpipelines.shardrun.io-v1.yml");

  /** Every kind's CRD: the committed file, its copy in the chart, and the class it is generated from. */
  record Kind(Path committed, Class<?> type) {
    Path chartCopy() {
      return Path.of("../charts/shardrun/crds").resolve(committed);
    }
  }

  static final List<Kind> KINDS = List.of(new Kind(COMMITTED, TestRun.class), new Kind(PIPELINES, TestPipeline.class));

  @BeforeAll
  static void regenerateWhenAsked() throws IOException {
    if (Boolean.getBoolean("shardrun.updateCrd")) {
      for (Kind kind : KINDS) {
        String generated = CommittedCrd.render(generatedCrd(kind.committed()), kind.type());
        for (Path file : List.of(kind.committed(), kind.chartCopy())) {
          Files.writeString(file, generated, StandardCharsets.UTF_8);
        }
      }
    }
  }

  @Test
  void committedCrdAndItsChartCopyEqualGeneratedCrd() throws IOException {
    for (Kind kind : KINDS) {
      String generated = CommittedCrd.render(generatedCrd(kind.committed()), kind.type());
      for (Path file : List.of(kind.committed(), kind.chartCopy())) {
        assertThat(Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(missing)")
            .as("%s is stale: run 'mvn -pl crd verify -Dshardrun.updateCrd=true' and commit it", file.normalize())
            .isEqualTo(generated);
      }
    }
  }

  @Test
  void printerColumnsFollowTheDeclaredOrderForKubectlGet() throws IOException {
    CustomResourceDefinitionVersion version = committed().getSpec().getVersions().get(0);
    assertThat(version.getAdditionalPrinterColumns()).extracting(CustomResourceColumnDefinition::getName)
        .containsExactly("Phase", "Shards", "Passed", "Failed", "Flaky", "Duration", "Age");
  }

  @Test
  void crdServesTestRunsWithStatusSubresourceAndShortName() throws IOException {
    CustomResourceDefinition crd = committed();
    assertThat(crd.getMetadata().getName()).isEqualTo("testruns.shardrun.io");
    assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("tr");
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    CustomResourceDefinitionVersion version = crd.getSpec().getVersions().get(0);
    assertThat(version.getName()).isEqualTo("v1alpha1");
    assertThat(version.getSubresources().getStatus()).isNotNull();
  }

  @Test
  void schemaValidatesShardsShardingAndTheSuite() throws IOException {
    JSONSchemaProps spec = schema().getProperties().get("spec");
    assertThat(spec.getRequired()).contains("suite");
    assertThat(spec.getProperties().get("shards").getMinimum()).isEqualTo(1.0);
    assertThat(spec.getProperties().get("shards").getMaximum()).isEqualTo(1000.0);
    assertThat(spec.getProperties().get("sharding").getEnum()).extracting(Object::toString)
        .containsExactlyInAnyOrder("\"hash\"", "\"balanced\"", "\"dynamic\"");
    assertThat(spec.getProperties().get("suite").getRequired()).containsExactly("configMap");
  }

  /** At any depth, fields of Kubernetes' own types included: kubectl explain shows them all. */
  @Test
  void everyFieldHasADescriptionForKubectlExplain() throws IOException {
    for (Kind kind : KINDS) {
      List<String> undocumented = CrdSchemaFields.of(schema(kind.committed()), kind.type()).stream()
          .filter(f -> f.schema().getDescription() == null || f.schema().getDescription().isBlank())
          .map(CrdSchemaFields.Field::path).toList();
      assertThat(undocumented).as(kind.committed().toString()).isEmpty();
    }
  }

  static JSONSchemaProps schema() throws IOException {
    return schema(COMMITTED);
  }

  static JSONSchemaProps schema(Path committed) throws IOException {
    return committed(committed).getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema();
  }

  static CustomResourceDefinition committed() throws IOException {
    return committed(COMMITTED);
  }

  static CustomResourceDefinition committed(Path committed) throws IOException {
    return Serialization.unmarshal(Files.readString(committed), CustomResourceDefinition.class);
  }

  private static CustomResourceDefinition generatedCrd(Path committed) throws IOException {
    try (InputStream in = CrdFileTest.class.getResourceAsStream("/META-INF/fabric8/" + committed)) {
      assertThat(in).as("the crd-generator output (run the build through process-classes)").isNotNull();
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    }
  }

  /**
   * The generated CRD as committed: printer columns in the order its kind declares them, and the
   * fields of Kubernetes' own types described ({@link KubernetesFieldDescriptions}).
   */
  static final class CommittedCrd {
    static String render(CustomResourceDefinition crd, Class<?> kind) {
      List<String> declared = Arrays.stream(kind.getAnnotationsByType(AdditionalPrinterColumn.class))
          .map(AdditionalPrinterColumn::name).toList();
      for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
        version.getAdditionalPrinterColumns().sort(Comparator.comparingInt(c -> declared.indexOf(c.getName())));
        KubernetesFieldDescriptions.fillIn(version.getSchema().getOpenAPIV3Schema(), kind);
      }
      return "# Generated from crd/src/main/java by the crd-generator; do not edit.\n"
          + "# Regenerate: mvn -pl crd verify -Dshardrun.updateCrd=true\n"
          + Serialization.asYaml(crd);
    }
  }
}
