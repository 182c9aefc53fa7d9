package io.shardrun.core.variant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardrun.core.action.JsonReader;
import io.shardrun.core.action.Problem;
import io.shardrun.crd.v1alpha1.Compare;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads a suite's variants.json strictly: every problem located, all of them in one pass. */
public final class VariantsParser {
  public static final int VERSION = 1;
  private static final Set<String> FIELDS = Set.of("version", "compare", "variants");
  private static final Set<String> VARIANT_FIELDS = Set.of("name", "vars");

  private VariantsParser() {}

  /** The variants when the file has no problem; {@link Variants#NONE} otherwise, after recording them. */
  public static Variants parse(String path, String content, List<Problem> problems) {
    JsonReader reader = new JsonReader(path, problems);
    Optional<ObjectNode> root = reader.parseObject(content);
    if (root.isEmpty()) {
      return Variants.NONE;
    }
    int before = reader.problemCount();
    reader.rejectUnknown(root.get(), null, FIELDS);
    JsonNode version = root.get().get("version");
    if (version == null || !version.isInt() || version.intValue() != VERSION) {
      reader.problem("version", (version == null ? "missing" : "unsupported version " + version) + "; expected " + VERSION);
    }
    Compare compare = reader.string(root.get(), null, "compare").map(text -> {
      Compare known = Compare.ofWireName(text);
      if (known == null) {
        reader.problem("compare", "expected 'report' or 'strict', found '" + text + "'");
      }
      return known;
    }).orElse(Compare.REPORT);
    JsonNode list = root.get().get("variants");
    if (list == null || !list.isArray() || list.isEmpty()) {
      reader.problem("variants", "expected a list of at least one variant ({\"name\": ..., \"vars\": {...}}), found "
          + (list == null ? "none" : list.isArray() ? "an empty list" : JsonReader.kind(list)));
      return Variants.NONE;
    }
    List<Variant> variants = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      variant(list.get(i), "variants[" + i + "]", reader).ifPresent(variants::add);
    }
    VariantChecks.problems(variants, "variants").forEach(p -> reader.problem(p.field(), p.message()));
    return reader.problemCount() == before ? new Variants(variants, compare) : Variants.NONE;
  }

  private static Optional<Variant> variant(JsonNode node, String where, JsonReader reader) {
    if (!node.isObject()) {
      reader.problem(where, "expected an object with a name and vars, found " + JsonReader.kind(node));
      return Optional.empty();
    }
    reader.rejectUnknown((ObjectNode) node, where, VARIANT_FIELDS);
    JsonNode name = node.get("name");
    if (name == null || !name.isTextual()) {
      reader.problem(where + ".name", "expected a string, found " + (name == null ? "none" : JsonReader.kind(name)));
      return Optional.empty();
    }
    Map<String, String> vars = new LinkedHashMap<>();
    JsonNode given = node.get("vars");
    if (given != null && !given.isObject()) {
      reader.problem(where + ".vars", "expected an object of NAME: value, found " + JsonReader.kind(given));
    } else if (given != null) {
      given.fields().forEachRemaining(e -> {
        if (e.getValue().isTextual()) {
          vars.put(e.getKey(), e.getValue().asText());
        } else {
          reader.problem(where + ".vars." + e.getKey(), "expected a string, found " + JsonReader.kind(e.getValue()));
        }
      });
    }
    return Optional.of(new Variant(name.asText(), vars));
  }
}
