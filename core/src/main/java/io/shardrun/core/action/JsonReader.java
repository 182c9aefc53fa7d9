package io.shardrun.core.action;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardrun.core.JsonErrors;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the fields of one JSON file, recording a located {@link Problem} for each thing that is
 * not what was expected instead of stopping at the first.
 */
public final class JsonReader {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final String file;
  private final List<Problem> problems;

  public JsonReader(String file, List<Problem> problems) {
    this.file = file;
    this.problems = problems;
  }

  /** Parses the document; on a syntax error records it with line and column. */
  public Optional<ObjectNode> parseObject(String content) {
    try {
      JsonNode root = MAPPER.readTree(content);
      if (root == null || root.isMissingNode()) {
        problem(null, "the file is empty; expected a JSON object");
        return Optional.empty();
      }
      if (!root.isObject()) {
        problem(null, "expected a JSON object at the top level, found " + kind(root));
        return Optional.empty();
      }
      return Optional.of((ObjectNode) root);
    } catch (JsonProcessingException e) {
      problem(JsonErrors.location(e), "invalid JSON: " + JsonErrors.message(e));
      return Optional.empty();
    }
  }

  public int problemCount() {
    return problems.size();
  }

  public void problem(String where, String message) {
    problems.add(new Problem(file, where, message));
  }

  /** Records every field of {@code object} not in {@code known}. */
  public void rejectUnknown(ObjectNode object, String where, Set<String> known) {
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        problem(join(where, name), "unknown field; expected one of " + String.join(", ", sorted(known)));
      }
    }
  }

  public Optional<String> string(ObjectNode object, String where, String field) {
    JsonNode node = object.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (node.isTextual()) {
      return Optional.of(node.asText());
    }
    if (node.isNumber() || node.isBoolean()) {
      return Optional.of(node.asText()); // Selenium IDE writes numbers as text; accept either
    }
    problem(join(where, field), "expected a string, found " + kind(node));
    return Optional.empty();
  }

  public Optional<Integer> wholeNumber(ObjectNode object, String where, String field, int min) {
    JsonNode node = object.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (node.canConvertToInt() && node.isIntegralNumber() && node.asInt() >= min) {
      return Optional.of(node.asInt());
    }
    problem(join(where, field), "expected a whole number >= " + min + ", found " + node);
    return Optional.empty();
  }

  Optional<Boolean> bool(ObjectNode object, String where, String field) {
    JsonNode node = object.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (node.isBoolean()) {
      return Optional.of(node.asBoolean());
    }
    problem(join(where, field), "expected true or false, found " + node);
    return Optional.empty();
  }

  List<String> stringList(ObjectNode object, String where, String field) {
    JsonNode node = object.get(field);
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      problem(join(where, field), "expected a list of strings, found " + kind(node));
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      if (item.isTextual() && !item.asText().isBlank()) {
        out.add(item.asText());
      } else {
        problem(join(where, field) + "[" + i + "]", "expected a non-empty string, found " + item);
      }
    }
    return out;
  }

  Optional<ObjectNode> object(ObjectNode parent, String where, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (node.isObject()) {
      return Optional.of((ObjectNode) node);
    }
    problem(join(where, field), "expected an object, found " + kind(node));
    return Optional.empty();
  }

  static String join(String where, String field) {
    return where == null || where.isEmpty() ? field : where + "." + field;
  }

  public static String kind(JsonNode node) {
    if (node.isArray()) {
      return node.isEmpty() ? "an empty list" : "a list";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isObject()) {
      return "an object";
    }
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + node;
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }
}
