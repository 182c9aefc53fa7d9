package io.shardrun.crd.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/testrunschedule-reference.md documents every field of the TestRunSchedule CRD, by path in
 * backticks. The fields of {@code spec.template.spec} are a TestRun's spec: docs/testrun-reference.md
 * documents them ({@link TestRunReferenceDocTest}).
 */
class TestRunScheduleReferenceDocTest {
  static final Path REFERENCE = Path.of("../docs/testrunschedule-reference.md");

  @Test
  void everyFieldOfTheCrdIsInTheReference() throws IOException {
    String reference = Files.readString(REFERENCE, StandardCharsets.UTF_8);
    List<String> missing = CrdSchemaFields.of(TestRunScheduleCrdTest.schema(), TestRunSchedule.class).stream()
        .filter(field -> !field.ofKubernetesType()).map(CrdSchemaFields.Field::path)
        .filter(path -> !path.startsWith("spec.template.spec.")).filter(path -> !reference.contains("`" + path + "`")).toList();
    assertThat(missing).as("fields of the TestRunSchedule CRD that docs/testrunschedule-reference.md does not name (as `path`)")
        .isEmpty();
  }
}
