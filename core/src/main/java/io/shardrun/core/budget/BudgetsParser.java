package io.shardrun.core.budget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardrun.core.action.JsonReader;
import io.shardrun.core.action.Problem;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a suite's budgets.json strictly: every unknown field, wrong type, negative limit and bad
 * route is a located {@link Problem}, all of them in one pass.
 */
public final class BudgetsParser {
  public static final int VERSION = 1;
  private static final Set<String> FIELDS = Set.of("version", "budgets");
  private static final Set<String> BUDGET_FIELDS = budgetFields();

  private BudgetsParser() {}

  /** The budgets that are valid; the rest are left out after their problems are recorded. */
  public static Budgets parse(String path, String content, List<Problem> problems) {
    JsonReader reader = new JsonReader(path, problems);
    Optional<ObjectNode> root = reader.parseObject(content);
    if (root.isEmpty()) {
      return new Budgets(List.of(), true);
    }
    reader.rejectUnknown(root.get(), null, FIELDS);
    JsonNode version = root.get().get("version");
    if (version == null) {
      reader.problem("version", "missing; expected " + VERSION);
    } else if (!version.isInt() || version.intValue() != VERSION) {
      reader.problem("version", "unsupported version " + version + "; expected " + VERSION);
    }
    JsonNode list = root.get().get("budgets");
    List<Budget> budgets = new ArrayList<>();
    if (list == null || !list.isArray()) {
      reader.problem("budgets", "expected a list of budgets, found " + (list == null ? "none" : JsonReader.kind(list)));
      return new Budgets(budgets, true);
    }
    Map<String, String> seen = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String where = "budgets[" + i + "]";
      if (!list.get(i).isObject()) {
        reader.problem(where, "expected an object with a route and limits, found " + JsonReader.kind(list.get(i)));
        continue;
      }
      int before = reader.problemCount();
      Optional<Budget> budget = budget((ObjectNode) list.get(i), where, reader);
      budget.map(Budget::route).map(route -> seen.putIfAbsent(route, where)).ifPresent(first ->
          reader.problem(where + ".route", "route '" + budget.get().route() + "' is budgeted already at " + first
              + "; a page gets the first matching budget only"));
      if (reader.problemCount() == before) {
        budgets.add(budget.get());
      }
    }
    return new Budgets(budgets, true);
  }

  private static Optional<Budget> budget(ObjectNode node, String where, JsonReader reader) {
    reader.rejectUnknown(node, where, BUDGET_FIELDS);
    Optional<String> route = text(node, where, "route", reader);
    if (!node.has("route")) {
      reader.problem(where + ".route", "missing; expected a URL path such as /shop/cart or a glob such as /shop/*");
    }
    route.flatMap(RouteGlob::problem).ifPresent(p -> reader.problem(where + ".route", "'" + route.get() + "': " + p));
    Map<Metric, Long> limits = new EnumMap<>(Metric.class);
    for (Metric metric : Metric.values()) {
      if (node.has(metric.wireName()) && node.get(metric.wireName()).isNull()) {
        reader.problem(where + "." + metric.wireName(), "expected a whole number >= 0, found null");
      }
      reader.wholeNumber(node, where, metric.wireName(), 0).ifPresent(limit -> limits.put(metric, (long) limit));
    }
    if (Metric.wireNames().stream().noneMatch(node::has)) {
      reader.problem(where, "expected at least one limit: " + String.join(", ", Metric.wireNames()));
    }
    Optional<String> mode = text(node, where, "mode", reader);
    mode.filter(m -> !m.equals("fail") && !m.equals("warn"))
        .ifPresent(m -> reader.problem(where + ".mode", "expected 'fail' or 'warn', found '" + m + "'"));
    boolean warnOnly = mode.filter("warn"::equals).isPresent();
    return route.map(r -> new Budget(r, limits, warnOnly));
  }

  /** A string field; a number or anything else where text belongs is a problem (unlike in action files). */
  private static Optional<String> text(ObjectNode node, String where, String field, JsonReader reader) {
    JsonNode value = node.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual()) { // null included: a field is given with its value or left out
      reader.problem(where + "." + field, "expected a string, found " + JsonReader.kind(value));
      return Optional.empty();
    }
    return Optional.of(value.asText());
  }

  private static Set<String> budgetFields() {
    Set<String> fields = new LinkedHashSet<>(List.of("route", "mode"));
    fields.addAll(Metric.wireNames());
    return Set.copyOf(fields);
  }
}
