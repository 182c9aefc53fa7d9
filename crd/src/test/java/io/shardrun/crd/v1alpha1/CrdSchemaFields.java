package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fields of a TestRun CRD schema (spec, status and everything below them), each with its
 * path and schema, for tests that check every field has something: a description, a line in the
 * reference docs.
 *
 * <p>Paths are dot-joined from the resource's root: {@code spec.browser.port}. The entries of a
 * list are {@code []} ({@code status.shards[].durationMs}), the values of a map {@code *}
 * ({@code status.byTag.*.passed}).
 *
 * <p>Where the walk stops: a field whose Java type is one of Kubernetes' own API types (package
 * {@value #KUBERNETES_TYPES}: {@code EnvVar}, {@code ResourceRequirements}, {@code Condition},
 * and lists or maps of them) is listed, but not the fields inside it: Kubernetes describes and
 * documents those, and their shape is whatever Kubernetes version the generator was built with.
 * The same goes for a field whose schema keeps unknown fields
 * ({@code x-kubernetes-preserve-unknown-fields}): it has no fixed inner fields. To know the Java
 * types, the schema is walked together with the classes it was generated from, starting at
 * {@link TestRun}; a schema field that no class has is an error.
 */
final class CrdSchemaFields {
  static final String KUBERNETES_TYPES = "io.fabric8.kubernetes.api.model";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * @param path e.g. {@code status.shards[].phase}
   * @param embedded whether it is a Kubernetes type (or free-form) whose inner fields are not listed
   */
  record Field(String path, JSONSchemaProps schema, boolean embedded) {}

  private CrdSchemaFields() {}

  /** Every field of {@code openApiV3Schema} (the CRD version's root schema), parents before children, by name. */
  static List<Field> of(JSONSchemaProps openApiV3Schema) {
    List<Field> out = new ArrayList<>();
    properties("", openApiV3Schema, MAPPER.constructType(TestRun.class), out);
    return out;
  }

  private static void properties(String path, JSONSchemaProps schema, JavaType type, List<Field> out) {
    if (schema == null || schema.getProperties() == null) {
      return;
    }
    BeanDescription bean = MAPPER.getSerializationConfig().introspect(type);
    for (Map.Entry<String, JSONSchemaProps> property : new TreeMap<>(schema.getProperties()).entrySet()) {
      String fieldPath = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
      JavaType fieldType = bean.findProperties().stream().filter(p -> p.getName().equals(property.getKey())).findFirst()
          .map(BeanPropertyDefinition::getPrimaryType)
          .orElseThrow(() -> new IllegalStateException(fieldPath + " is in the schema but not in " + type.getRawClass().getName()));
      boolean embedded = innermost(fieldType).getRawClass().getName().startsWith(KUBERNETES_TYPES + ".")
          || Boolean.TRUE.equals(property.getValue().getXKubernetesPreserveUnknownFields());
      out.add(new Field(fieldPath, property.getValue(), embedded));
      if (!embedded) {
        inside(fieldPath, property.getValue(), fieldType, out);
      }
    }
  }

  /** The fields inside a value of {@code type}: a list's entries, a map's values, or an object's properties. */
  private static void inside(String path, JSONSchemaProps schema, JavaType type, List<Field> out) {
    if (type.isCollectionLikeType() || type.isArrayType()) {
      inside(path + "[]", schema.getItems() == null ? null : schema.getItems().getSchema(), type.getContentType(), out);
    } else if (type.isMapLikeType()) {
      inside(path + ".*", schema.getAdditionalProperties() == null ? null : schema.getAdditionalProperties().getSchema(),
          type.getContentType(), out);
    } else {
      properties(path, schema, type, out);
    }
  }

  /** The element type of lists and maps, however deep; {@code type} itself otherwise. */
  private static JavaType innermost(JavaType type) {
    return type.isContainerType() ? innermost(type.getContentType()) : type;
  }
}
