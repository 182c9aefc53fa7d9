package io.shardrun.core.variant;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.results.StepRecord;
import io.shardrun.core.results.StepStatus;
import io.shardrun.crd.v1alpha1.Compare;
import java.util.List;
import org.junit.jupiter.api.Test;

class VariantComparisonTest {
  @Test
  void aPassedVariantThatDiffersNamesTheStepAndBothValues() {
    VariantComparison comparison = new VariantComparison(Compare.REPORT);
    FileRun a = comparison.compared(run("home.json#a", Outcome.PASSED, "Welcome to A", "${BASE_URL}/index.html"));
    FileRun b = comparison.compared(run("home.json#b", Outcome.PASSED, "Welcome to B", "${BASE_URL}/index.html"));

    assertThat(a.message()).isNull();
    assertThat(b.status()).isEqualTo(Outcome.PASSED);
    assertThat(b.message()).isEqualTo("differs from a: steps[1] assertText id=greeting: observed \"Welcome to A\" in a, \"Welcome to B\" in b");
  }

  @Test
  void strictFailsTheVariantAtItsFirstDifference() {
    VariantComparison comparison = new VariantComparison(Compare.STRICT);
    comparison.compared(run("home.json#a", Outcome.PASSED, "same", "${BASE_URL}/a.html"));
    FileRun b = comparison.compared(run("home.json#b", Outcome.PASSED, "same", "${BASE_URL}/b.html"));

    assertThat(b.status()).isEqualTo(Outcome.FAILED);
    assertThat(b.failedStep()).isZero();
    assertThat(b.message()).isEqualTo("differs from a: steps[0] open ${BASE_URL}/: url \"${BASE_URL}/a.html\" in a, \"${BASE_URL}/b.html\" in b;"
        + " steps[1] assertText id=greeting: url \"${BASE_URL}/a.html\" in a, \"${BASE_URL}/b.html\" in b");
  }

  @Test
  void equalVariantsFilesWithoutVariantsAndFailedRunsAreLeftAsTheyAre() {
    VariantComparison comparison = new VariantComparison(Compare.STRICT);
    comparison.compared(run("home.json#a", Outcome.PASSED, "same", "u"));
    assertThat(comparison.compared(run("home.json#b", Outcome.PASSED, "same", "u")).message()).isNull();
    FileRun failed = run("home.json#c", Outcome.FAILED, "other", "u");
    assertThat(comparison.compared(failed)).isSameAs(failed);
    FileRun plain = run("other.json", Outcome.PASSED, "x", "u");
    assertThat(comparison.compared(plain)).isSameAs(plain);
  }

  private static FileRun run(String id, Outcome outcome, String observed, String url) {
    List<StepRecord> steps = List.of(
        new StepRecord(0, "steps[0]", "open", "${BASE_URL}/", null, StepStatus.PASSED, 5, null, null, null, List.of(), url),
        new StepRecord(1, "steps[1]", "assertText", "id=greeting", observed, StepStatus.PASSED, 5, observed, null, null,
            List.of(), url));
    return new FileRun(id, id, 0, outcome, 10, 1, List.of(), null, null, steps, 0);
  }
}
