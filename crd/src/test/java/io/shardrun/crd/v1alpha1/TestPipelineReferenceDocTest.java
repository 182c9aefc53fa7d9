package io.shardrun.crd.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/testpipeline-reference.md documents every field of the committed TestPipeline CRD, by
 * path in backticks, as {@link TestRunReferenceDocTest} does for TestRuns. Below
 * `spec.stages[].template.spec` is a TestRun spec, which the TestRun reference documents.
 */
class TestPipelineReferenceDocTest {
  static final Path REFERENCE = Path.of("../docs/testpipeline-reference.md");
  static final String TESTRUN_SPEC = "spec.stages[].template.spec.";

  @Test
  void everyFieldOfTheCrdIsInTheReference() throws IOException {
    String reference = Files.readString(REFERENCE, StandardCharsets.UTF_8);
    List<String> missing = fields().stream().filter(path -> !reference.contains("`" + path + "`")).toList();
    assertThat(missing).as("fields of crd/%s missing from docs/testpipeline-reference.md (write each as `path`)", CrdFileTest.PIPELINES)
        .isEmpty();
  }

  @Test
  void theReferenceNamesNoFieldTheCrdDoesNotHave() throws IOException {
    Set<String> paths = CrdSchemaFields.of(TestPipelineCrdTest.schema(), TestPipeline.class).stream()
        .map(CrdSchemaFields.Field::path).collect(Collectors.toSet());
    List<String> unknown = new ArrayList<>();
    Matcher mention = TestRunReferenceDocTest.MENTION.matcher(Files.readString(REFERENCE, StandardCharsets.UTF_8));
    while (mention.find()) {
      if (!paths.contains(mention.group(1).replaceFirst("\\[]$", ""))) {
        unknown.add(mention.group(1));
      }
    }
    assertThat(unknown).as("fields named in docs/testpipeline-reference.md that the CRD does not have").isEmpty();
  }

  /** Examples are whole TestPipelines or `status:` fragments; unknown fields fail. */
  @Test
  void everyYamlExampleInTheReferenceReadsAsATestPipeline() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    Matcher block = TestRunReferenceDocTest.YAML_BLOCK.matcher(Files.readString(REFERENCE, StandardCharsets.UTF_8));
    int examples = 0;
    while (block.find()) {
      String example = block.group(1);
      examples++;
      assertThatCode(() -> {
        JsonNode root = yaml.readTree(example);
        if (root.has("kind")) {
          yaml.treeToValue(root, TestPipeline.class);
        } else {
          yaml.treeToValue(root.get("status"), TestPipelineStatus.class);
        }
      }).as("yaml example %d:%n%s", examples, example).doesNotThrowAnyException();
    }
    assertThat(examples).isEqualTo(2);
  }

  private static List<String> fields() throws IOException {
    return CrdSchemaFields.of(TestPipelineCrdTest.schema(), TestPipeline.class).stream()
        .filter(field -> !field.ofKubernetesType() && !field.path().startsWith(TESTRUN_SPEC))
        .map(CrdSchemaFields.Field::path).toList();
  }
}
