package io.shardrun.crd.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.HasMetadata;
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
 * The committed CRDs, and their copies in the Helm chart, must be what the build generates. The
 * build writes them with {@code mvn -pl crd verify -Dshardrun.updateCrd=true}; nobody edits them.
 */
class CrdFileTest {
  /** Every kind of the API, each with a committed CRD file. */
  static final List<Class<? extends HasMetadata>> KINDS = List.of(TestRun.class, TestRunSchedule.class, TestPipeline.class);
  static final Path COMMITTED = committed(TestRun.class);
  static final Path CHART_COPY = chartCopy(TestRun.class);
  static final Path PIPELINES = committed(TestPipeline.class);

  @BeforeAll
  static void regenerateWhenAsked() throws IOException {
    if (Boolean.getBoolean("shardrun.updateCrd")) {
      for (Class<? extends HasMetadata> kind : KINDS) {
        String generated = CommittedCrd.render(generatedCrd(kind), kind);
        for (Path file : List.of(committed(kind), chartCopy(kind))) {
          Files.writeString(file, generated, StandardCharsets.UTF_8);
        }
      }
    }
  }

  @Test
  void committedCrdsAndTheirChartCopiesEqualGeneratedCrds() throws IOException {
    for (Class<? extends HasMetadata> kind : KINDS) {
      String generated = CommittedCrd.render(generatedCrd(kind), kind);
      for (Path file : List.of(committed(kind), chartCopy(kind))) {
        assertThat(Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(missing)")
            .as("%s is stale: run 'mvn -pl crd verify -Dshardrun.updateCrd=true' and commit it", file.normalize())
            .isEqualTo(generated);
      }
    }
  }

  static Path committed(Class<? extends HasMetadata> kind) {
    return Path.of(HasMetadata.getFullResourceName(kind) + "-v1.yml");
  }

  static Path chartCopy(Class<? extends HasMetadata> kind) {
    return Path.of("../charts/shardrun/crds").resolve(committed(kind));
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
    for (Class<? extends HasMetadata> kind : KINDS) {
      List<String> undocumented = CrdSchemaFields.of(schema(committed(kind)), kind).stream()
          .filter(f -> f.schema().getDescription() == null || f.schema().getDescription().isBlank())
          .map(CrdSchemaFields.Field::path).toList();
      assertThat(undocumented).as(committed(kind).toString()).isEmpty();
    }
  }

  static JSONSchemaProps schema() throws IOException {
    return schema(COMMITTED);
  }

  static JSONSchemaProps schema(Path committed) throws IOException {
    return Serialization.unmarshal(Files.readString(committed), CustomResourceDefinition.class).getSpec().getVersions().get(0)
        .getSchema().getOpenAPIV3Schema();
  }

  static CustomResourceDefinition committed() throws IOException {
    return committedCrd(TestRun.class);
  }

  static CustomResourceDefinition committedCrd(Class<? extends HasMetadata> kind) throws IOException {
    return Serialization.unmarshal(Files.readString(committed(kind)), CustomResourceDefinition.class);
  }

  private static CustomResourceDefinition generatedCrd(Class<? extends HasMetadata> kind) throws IOException {
    try (InputStream in = CrdFileTest.class.getResourceAsStream("/META-INF/fabric8/" + committed(kind))) {
      assertThat(in).as("the crd-generator output (run the build through process-classes)").isNotNull();
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    }
  }

  /**
   * The generated CRD as committed: printer columns in the order its kind declares them, and the
   * fields of Kubernetes' own types described ({@link KubernetesFieldDescriptions}).
   */
  static final class CommittedCrd {
    static String render(CustomResourceDefinition crd, Class<? extends HasMetadata> kind) {
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
