package io.shardrun.core.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a {@code steps} array: each entry is a command step or a template call. */
final class StepReader {
  static final Set<String> COMMAND_FIELDS = Set.of("command", "target", "value", "timeout_s", "comment");
  static final Set<String> TEMPLATE_FIELDS = Set.of("template", "params", "comment");

  /** A step of either kind, in file order. */
  sealed interface Entry permits CommandEntry, TemplateCall {}

  record CommandEntry(RawStep step) implements Entry {}

  record TemplateCall(String template, Map<String, String> params, String where) implements Entry {}

  private final JsonReader reader;

  StepReader(JsonReader reader) {
    this.reader = reader;
  }

  /** The entries of {@code parent.steps}; problems are recorded, bad entries left out. */
  List<Entry> read(ObjectNode parent, boolean templatesAllowed) {
    List<Entry> entries = new ArrayList<>();
    JsonNode steps = parent.get("steps");
    if (steps == null || !steps.isArray() || steps.isEmpty()) {
      reader.problem("steps", "expected a non-empty list of steps"
          + (steps == null ? ", found none" : ", found " + JsonReader.kind(steps)));
      return entries;
    }
    for (int i = 0; i < steps.size(); i++) {
      String where = "steps[" + i + "]";
      JsonNode node = steps.get(i);
      if (!node.isObject()) {
        reader.problem(where, "expected a step object, found " + JsonReader.kind(node));
        continue;
      }
      ObjectNode step = (ObjectNode) node;
      if (step.has("template")) {
        if (!templatesAllowed) {
          reader.problem(where, "a template cannot call another template; write its steps instead");
          continue;
        }
        readTemplateCall(step, where).ifPresent(entries::add);
      } else if (step.has("command")) {
        readCommand(step, where).ifPresent(entries::add);
      } else {
        reader.problem(where, "expected \"command\" (a step) or \"template\" (a template call)");
      }
    }
    return entries;
  }

  private java.util.Optional<Entry> readCommand(ObjectNode step, String where) {
    int before = problemCount();
    reader.rejectUnknown(step, where, COMMAND_FIELDS);
    String command = reader.string(step, where, "command").orElse("");
    String target = reader.string(step, where, "target").orElse("");
    String value = reader.string(step, where, "value").orElse("");
    Integer timeout = reader.wholeNumber(step, where, "timeout_s", 0).orElse(null);
    if (problemCount() > before) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new CommandEntry(new RawStep(command, target, value, timeout, where)));
  }

  private java.util.Optional<Entry> readTemplateCall(ObjectNode step, String where) {
    int before = problemCount();
    reader.rejectUnknown(step, where, TEMPLATE_FIELDS);
    String name = reader.string(step, where, "template").orElse("");
    Map<String, String> params = new LinkedHashMap<>();
    reader.object(step, where, "params").ifPresent(object -> object.fields().forEachRemaining(field -> {
      JsonNode v = field.getValue();
      if (v.isTextual() || v.isNumber() || v.isBoolean()) {
        params.put(field.getKey(), v.asText());
      } else {
        reader.problem(where + ".params." + field.getKey(), "expected a string, found " + JsonReader.kind(v));
      }
    }));
    if (problemCount() > before) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new TemplateCall(name, params, where));
  }

  private int problemCount() {
    return reader.problemCount();
  }
}
