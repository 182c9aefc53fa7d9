package io.shardrun.crd.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

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
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/testrun-reference.md documents the committed CRD: every field of its spec and status, by
 * path in backticks (`spec.selector.tags`, `status.shards[].durationMs`; {@link CrdSchemaFields}
 * says how paths are written), and no field the CRD does not have. The fields inside Kubernetes'
 * own types (`spec.env[].valueFrom`) need no row: the reference links Kubernetes' documentation of
 * the type, and the CRD describes them for {@code kubectl explain}.
 */
class TestRunReferenceDocTest {
  static final Path REFERENCE = Path.of("../docs/testrun-reference.md");
  /** A field path in backticks: `spec.browser.port`, `status.shards[]`, `status.byTag.*.passed`. */
  static final Pattern MENTION = Pattern.compile("`((?:spec|status)(?:\\.[A-Za-z]+|\\[]|\\.\\*)*)`");
  static final Pattern YAML_BLOCK = Pattern.compile("(?m)^```yaml\\n(.*?)^```", Pattern.DOTALL);

  @Test
  void everyFieldOfTheCrdIsInTheReference() throws IOException {
    String reference = reference();
    List<String> missing = CrdSchemaFields.of(CrdFileTest.schema()).stream().filter(field -> !field.ofKubernetesType())
        .map(CrdSchemaFields.Field::path).filter(path -> !reference.contains("`" + path + "`")).toList();
    assertThat(missing)
        .withFailMessage(() -> "docs/testrun-reference.md does not document these fields of crd/" + CrdFileTest.COMMITTED
            + " (write each as `path`):\n  " + String.join("\n  ", missing))
        .isEmpty();
  }

  @Test
  void theReferenceNamesNoFieldTheCrdDoesNotHave() throws IOException {
    Set<String> paths = CrdSchemaFields.of(CrdFileTest.schema()).stream().map(CrdSchemaFields.Field::path).collect(Collectors.toSet());
    List<String> unknown = new ArrayList<>();
    Matcher mention = MENTION.matcher(reference());
    while (mention.find()) {
      String path = mention.group(1).replaceFirst("\\[]$", ""); // `status.shards[]` is the entries of `status.shards`
      if (!paths.contains(path)) {
        unknown.add(mention.group(1));
      }
    }
    assertThat(unknown).as("fields named in docs/testrun-reference.md that the CRD does not have").isEmpty();
  }

  /** Examples are whole TestRuns or `spec:` / `status:` fragments; unknown fields fail, as the API server's pruning would lose them. */
  @Test
  void everyYamlExampleInTheReferenceReadsAsATestRun() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    Matcher block = YAML_BLOCK.matcher(reference());
    int examples = 0;
    while (block.find()) {
      String example = block.group(1);
      examples++;
      assertThatCode(() -> {
        JsonNode root = yaml.readTree(example);
        if (root.has("kind")) {
          yaml.treeToValue(root, TestRun.class);
          return;
        }
        assertThat(root.properties()).extracting(e -> e.getKey()).as("a fragment's top-level keys").isSubsetOf("spec", "status");
        if (root.has("spec")) {
          yaml.treeToValue(root.get("spec"), TestRunSpec.class);
        }
        if (root.has("status")) {
          yaml.treeToValue(root.get("status"), TestRunStatus.class);
        }
      }).as("yaml example %d:%n%s", examples, example).doesNotThrowAnyException();
    }
    assertThat(examples).isPositive();
  }

  static String reference() throws IOException {
    return Files.readString(REFERENCE, StandardCharsets.UTF_8);
  }
}
