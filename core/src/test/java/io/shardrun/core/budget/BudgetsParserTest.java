package io.shardrun.core.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.TestSuites;
import io.shardrun.core.action.Problem;
import io.shardrun.core.suite.Suite;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** budgets.json as a suite reads it: strictly, every problem at once, never as an action file. */
class BudgetsParserTest {
  static final String HOME = "{\"steps\": [{\"command\": \"open\", \"target\": \"${BASE_URL}/\"}]}";

  @Test
  void budgetsJsonAtTheRootIsTheSuitesBudgetsNotAnActionFile() {
    Suite suite = TestSuites.suite("home.json", HOME, "budgets.json", """
        {"version": 1, "budgets": [
          {"route": "/shop/*", "ttfbMs": 800, "lcpMs": 2500, "transferBytes": 500000},
          {"route": "/**", "loadMs": 3000, "mode": "warn"}
        ]}""");

    assertThat(suite.files()).containsOnlyKeys("home.json");
    assertThat(suite.budgets().defined()).isTrue();
    assertThat(suite.budgets().budgets()).containsExactly(
        new Budget("/shop/*", Map.of(Metric.TTFB, 800L, Metric.LCP, 2500L, Metric.TRANSFER_BYTES, 500000L), false),
        new Budget("/**", Map.of(Metric.LOAD, 3000L), true));
  }

  @Test
  void aSuiteWithoutBudgetsJsonHasNone() {
    assertThat(TestSuites.suite("home.json", HOME).budgets()).isEqualTo(Budgets.NONE);
  }

  @Test
  void everyProblemIsNamedWithItsPlaceAndWhatWasExpected() {
    assertThat(TestSuites.problems("home.json", HOME, "budgets.json", """
        {"version": 2, "owner": "me", "budgets": [
          {"route": "/a", "ttfbMs": -1, "lcpMs": "2500", "loadMs": 1.5, "mode": "strict", "colour": "red"},
          {"route": "shop", "transferBytes": null},
          {"route": "/b/***", "ttfbMs": 1},
          {"route": "/c?x=1", "ttfbMs": 1},
          {"route": 7, "ttfbMs": 1},
          {"ttfbMs": 1},
          {"route": "/d"},
          {"route": "/e", "ttfbMs": 1},
          {"route": "/e", "ttfbMs": 2},
          "/f"
        ]}""")).extracting(Problem::toString).containsExactly(
        "budgets.json: owner: unknown field; expected one of budgets, version",
        "budgets.json: version: unsupported version 2; expected 1",
        "budgets.json: budgets[0].colour: unknown field; expected one of domContentLoadedMs, lcpMs, loadMs, mode, route,"
            + " transferBytes, ttfbMs",
        "budgets.json: budgets[0].ttfbMs: expected a whole number >= 0, found -1",
        "budgets.json: budgets[0].loadMs: expected a whole number >= 0, found 1.5",
        "budgets.json: budgets[0].lcpMs: expected a whole number >= 0, found \"2500\"",
        "budgets.json: budgets[0].mode: expected 'fail' or 'warn', found 'strict'",
        "budgets.json: budgets[1].route: 'shop': expected a URL path starting with '/'",
        "budgets.json: budgets[1].transferBytes: expected a whole number >= 0, found null",
        "budgets.json: budgets[2].route: '/b/***': '***' is not a wildcard; use '*' within a segment or '**' across segments",
        "budgets.json: budgets[3].route: '/c?x=1': expected a URL path with only '*' and '**' as wildcards; no white space,"
            + " query (?), fragment (#), brackets, braces or backslashes",
        "budgets.json: budgets[4].route: expected a string, found number 7",
        "budgets.json: budgets[5].route: missing; expected a URL path such as /shop/cart or a glob such as /shop/*",
        "budgets.json: budgets[6]: expected at least one limit: ttfbMs, domContentLoadedMs, loadMs, lcpMs, transferBytes",
        "budgets.json: budgets[8].route: route '/e' is budgeted already at budgets[7]; a page gets the first matching budget only",
        "budgets.json: budgets[9]: expected an object with a route and limits, found string \"/f\"");
  }

  @Test
  void theDocumentItselfMustBeAVersionedObjectWithAListOfBudgets() {
    assertThat(TestSuites.problems("budgets.json", "[]")).extracting(Problem::toString)
        .containsExactly("budgets.json: expected a JSON object at the top level, found an empty list");
    assertThat(TestSuites.problems("budgets.json", "{\"budgets\": {}}")).extracting(Problem::toString)
        .containsExactly("budgets.json: version: missing; expected 1", "budgets.json: budgets: expected a list of budgets, found an object");
    assertThat(TestSuites.problems("budgets.json", "{\"version\": 1, \"budgets\": [], }")).extracting(Problem::toString)
        .singleElement().asString().startsWith("budgets.json: line 1, column 31: invalid JSON:");
  }

  @Test
  void assertWithinBudgetMustNameARouteOfBudgetsJsonAndNeedsOne() {
    String steps = """
        {"steps": [
          {"command": "open", "target": "${BASE_URL}/shop/cart"},
          {"command": "assertWithinBudget"},
          {"command": "assertWithinBudget", "target": "/shop/*"},
          {"command": "assertWithinBudget", "target": "${ROUTE}"},
          {"command": "assertWithinBudget", "target": "/shop/cart"}
        ]}""";
    assertThat(TestSuites.problems("cart.json", steps, "budgets.json", "{\"version\": 1, \"budgets\": [{\"route\": \"/shop/*\", \"ttfbMs\": 800}]}"))
        .extracting(Problem::toString).containsExactly("cart.json: steps[4].target: assertWithinBudget names route"
            + " '/shop/cart', which budgets.json does not have; its routes: /shop/* (leave target empty for the budget matching the page)");
    assertThat(TestSuites.problems("cart.json", steps)).extracting(Problem::toString).hasSize(4)
        .first().isEqualTo("cart.json: steps[1].command: assertWithinBudget needs budgets.json at the suite root;"
            + " see docs/action-files.md#performance-budgets");
    assertThat(TestSuites.problems("cart.json", """
        {"steps": [{"command": "assertWithinBudget", "value": "x"}]}""", "budgets.json", "{\"version\": 1, \"budgets\": []}"))
        .extracting(Problem::toString).containsExactly("cart.json: steps[0].value: assertWithinBudget expects nothing in value, found 'x'");
  }
}
