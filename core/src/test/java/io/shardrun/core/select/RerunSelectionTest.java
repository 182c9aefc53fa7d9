package io.shardrun.core.select;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.results.FileResult;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.suite.Suite;
import io.shardrun.core.suite.SuiteFile;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteKeys;
import io.shardrun.core.suite.SuiteParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RerunSelectionTest {
  static final String STEP = "\"steps\": [{\"command\": \"echo\", \"target\": \"x\"}]";

  static Suite suite(Map<String, String> files) {
    return SuiteParser.parse(new SuiteFiles(files.entrySet().stream()
        .map(e -> new SuiteFile(e.getKey(), SuiteKeys.encode(e.getKey()), e.getValue())).toList())).orThrow();
  }

  static FileResult result(String file, Outcome status) {
    return new FileResult(file, status, 100, List.of(), null, null);
  }

  @Test
  void rerunFailedSelectsFailedAndErroredFilesWithTheirUpstreamOnly() {
    Suite suite = suite(Map.of(
        "login.json", "{" + STEP + "}",
        "cart.json", "{\"meta\": {\"depends_on\": [\"login.json\"]}, " + STEP + "}",
        "search.json", "{" + STEP + "}",
        "profile.json", "{" + STEP + "}",
        "help.json", "{" + STEP + "}"));
    List<FileResult> previous = List.of(
        result("login.json", Outcome.PASSED),
        result("cart.json", Outcome.FAILED),
        result("search.json", Outcome.ERROR),
        result("profile.json", Outcome.SKIPPED),
        result("help.json", Outcome.PASSED));
    List<String> selected = Selection.select(suite, SelectionCriteria.all().withRerunOf(previous));
    assertThat(selected).containsExactly("login.json", "cart.json", "search.json");
  }

  @Test
  void rerunFailedStillAppliesTheOtherCriteria() {
    Suite suite = suite(Map.of(
        "a.json", "{\"meta\": {\"tags\": [\"smoke\"]}, " + STEP + "}",
        "b.json", "{" + STEP + "}"));
    SelectionCriteria criteria = new SelectionCriteria(java.util.Set.of("smoke"), java.util.Set.of(), List.of(), List.of(), null, null)
        .withRerunOf(List.of(result("a.json", Outcome.FAILED), result("b.json", Outcome.FAILED)));
    assertThat(Selection.select(suite, criteria)).containsExactly("a.json");
  }
}
