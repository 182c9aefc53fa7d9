package io.shardrun.charts;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the API server's schema check of a custom resource rejects, as a server-side dry run would:
 * fields the CRD's openAPIV3Schema does not have, required fields that are missing, values of the
 * wrong type or outside an enum. Each problem names the field by path ({@code spec.template.spec.shard}).
 * CEL rules and formats are not evaluated.
 */
final class CrdSchemaShape {
  /** Every object has these at its root; the CRD schema does not list them. */
  private static final Set<String> OBJECT_ROOT = Set.of("apiVersion", "kind", "metadata");

  private CrdSchemaShape() {}

  static JSONSchemaProps schemaOf(Path crdFile) {
    try {
      return Serialization.unmarshal(Files.readString(crdFile), CustomResourceDefinition.class).getSpec().getVersions().get(0)
          .getSchema().getOpenAPIV3Schema();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every problem of {@code object} (a whole resource) against {@code schema}, as {@code path: what}. */
  static List<String> problems(JsonNode object, JSONSchemaProps schema) {
    List<String> out = new ArrayList<>();
    check("", object, schema, out);
    return out;
  }

  private static void check(String path, JsonNode value, JSONSchemaProps schema, List<String> out) {
    String type = schema.getType();
    if (Boolean.TRUE.equals(schema.getXKubernetesIntOrString())) {
      if (!value.isInt() && !value.isTextual()) {
        out.add(path + ": expected an integer or a string");
      }
      return;
    }
    if (type == null || Boolean.TRUE.equals(schema.getXKubernetesPreserveUnknownFields()) && !"object".equals(type)) {
      return;
    }
    switch (type) {
      case "object" -> object(path, value, schema, out);
      case "array" -> {
        if (!value.isArray()) {
          out.add(path + ": expected a list");
          return;
        }
        for (int i = 0; i < value.size(); i++) {
          check(path + "[" + i + "]", value.get(i), schema.getItems().getSchema(), out);
        }
      }
      case "string" -> {
        if (!value.isTextual()) {
          out.add(path + ": expected a string");
        } else if (schema.getEnum() != null && !schema.getEnum().isEmpty()
            && schema.getEnum().stream().noneMatch(e -> e.asText().equals(value.asText()))) {
          out.add(path + ": expected one of " + schema.getEnum().stream().map(JsonNode::asText).toList() + ", found '" + value.asText() + "'");
        }
      }
      case "integer" -> {
        if (!value.isIntegralNumber()) {
          out.add(path + ": expected an integer");
        }
      }
      case "boolean" -> {
        if (!value.isBoolean()) {
          out.add(path + ": expected true or false");
        }
      }
      default -> { }
    }
  }

  private static void object(String path, JsonNode value, JSONSchemaProps schema, List<String> out) {
    if (!value.isObject()) {
      out.add(path + ": expected a mapping");
      return;
    }
    for (String required : schema.getRequired() == null ? List.<String>of() : schema.getRequired()) {
      if (!value.has(required)) {
        out.add(join(path, required) + ": required");
      }
    }
    Map<String, JSONSchemaProps> properties = schema.getProperties();
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String fieldPath = join(path, field.getKey());
      if (path.isEmpty() && OBJECT_ROOT.contains(field.getKey())) {
        continue;
      }
      if (properties != null && properties.containsKey(field.getKey())) {
        check(fieldPath, field.getValue(), properties.get(field.getKey()), out);
      } else if (schema.getAdditionalProperties() != null && schema.getAdditionalProperties().getSchema() != null) {
        check(fieldPath, field.getValue(), schema.getAdditionalProperties().getSchema(), out);
      } else if (!Boolean.TRUE.equals(schema.getXKubernetesPreserveUnknownFields())) {
        out.add(fieldPath + ": unknown field");
      }
    }
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
