package io.shardrun.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/security.md lists every RBAC rule of the chart, in every mode, and no other. */
class SecurityDocTest {
  static final Path DOC = Path.of("../docs/security.md");

  /** Each rule as its row's first four cells: who, API group, resource (with names), verbs. */
  static Set<String> chartRules() {
    Set<String> rows = new TreeSet<>();
    for (Map<String, Object> values : List.of(Map.<String, Object>of(), ChartTest.NAMESPACED_HA_NO_METRICS)) {
      for (HasMetadata object : ChartRendering.objects(values)) {
        List<PolicyRule> rules = object instanceof Role role ? role.getRules()
            : object instanceof ClusterRole clusterRole ? clusterRole.getRules() : List.of();
        for (PolicyRule rule : rules) {
          rows.add(row(who(object.getMetadata().getName()), rule));
        }
      }
    }
    return rows;
  }

  private static String who(String roleName) {
    return roleName.endsWith("-leader-election") ? "operator (leader election)"
        : roleName.endsWith("-operator") ? "operator" : roleName.equals("shardrun-executor") ? "executor" : roleName;
  }

  private static String row(String who, PolicyRule rule) {
    String group = rule.getApiGroups().stream().map(g -> g.isEmpty() ? "core" : g).collect(Collectors.joining(", "));
    String resources = String.join(", ", rule.getResources())
        + (rule.getResourceNames().isEmpty() ? "" : " (" + String.join(", ", rule.getResourceNames()) + ")");
    return "| " + who + " | " + group + " | " + resources + " | " + String.join(", ", rule.getVerbs()) + " |";
  }

  static Set<String> documentedRules() throws IOException {
    return Files.readAllLines(DOC).stream()
        .filter(line -> line.startsWith("| ") && !line.startsWith("| Who ") && !line.startsWith("| ---"))
        .map(line -> {
          String[] cells = line.split(" \\| ", -1);
          return String.join(" | ", List.of(cells).subList(0, 4)) + " |";
        })
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void everyRuleOfTheChartIsListedWithItsReason() throws IOException {
    Set<String> documented = documentedRules();
    assertThat(chartRules()).as("rules missing from docs/security.md").allSatisfy(rule -> assertThat(documented).contains(rule));
  }

  @Test
  void theDocListsNoRuleTheChartDoesNotGrant() throws IOException {
    Set<String> granted = chartRules();
    assertThat(documentedRules()).as("rules in docs/security.md that the chart does not grant").allSatisfy(rule -> assertThat(granted).contains(rule));
  }

  @Test
  void everyListedRuleSaysWhy() throws IOException {
    assertThat(Files.readAllLines(DOC)).filteredOn(line -> line.startsWith("| ") && !line.startsWith("| Who ") && !line.startsWith("| ---"))
        .allSatisfy(line -> assertThat(line.split(" \\| ")[4].replace("|", "").trim()).as(line).hasSizeGreaterThan(20));
  }
}
