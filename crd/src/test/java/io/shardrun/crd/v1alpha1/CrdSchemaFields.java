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
 * The fields of a Shardrun CRD schema (spec, status and everything below them, at any depth), each
 * with its path, its schema and the Java class that declares it, for what must hold for every
 * field: a description, a line in the reference docs.
 *
 * <p>Paths are dot-joined from the resource's root: {@code spec.browser.port}. The entries of a
 * list are {@code []} ({@code status.shards[].durationMs}), the values of a map {@code *}
 * ({@code status.byTag.*.passed}).
 *
 * <p>The walk goes into Kubernetes' own types too ({@code spec.env[].valueFrom.secretKeyRef.key}),
 * since {@code kubectl explain} shows those fields as well. It stops only at a field whose schema
 * keeps unknown fields ({@code x-kubernetes-preserve-unknown-fields}): it has no fixed inner
 * fields. To know which class declares a field, the schema is walked together with the classes it
 * was generated from, starting at the kind ({@link TestRun}); a schema field that no class has is an error.
 */
final class CrdSchemaFields {
  static final String KUBERNETES_TYPES = "io.fabric8.kubernetes.api.model";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * @param path e.g. {@code status.shards[].phase}
   * @param name its name in the declaring class's JSON, the last part of the path: {@code phase}
   * @param declaredBy the class with that property: a Shardrun type ({@link ShardStatus}) or a Kubernetes one ({@code EnvVar})
   */
  record Field(String path, String name, JSONSchemaProps schema, Class<?> declaredBy) {
    /** A field of one of Kubernetes' own types, which Kubernetes documents (and whose shape is the generator's Kubernetes version). */
    boolean ofKubernetesType() {
      return declaredBy.getName().startsWith(KUBERNETES_TYPES + ".");
    }

    /** Free-form below this field: it has no fixed inner fields. */
    boolean keepsUnknownFields() {
      return Boolean.TRUE.equals(schema.getXKubernetesPreserveUnknownFields());
    }
  }

  private CrdSchemaFields() {}

  /** Every field of {@code openApiV3Schema} (the TestRun CRD version's root schema), parents before children, by name. */
  static List<Field> of(JSONSchemaProps openApiV3Schema) {
    return of(openApiV3Schema, TestRun.class);
  }

  /** As {@link #of(JSONSchemaProps)}, for the CRD of {@code kind}. */
  static List<Field> of(JSONSchemaProps openApiV3Schema, Class<?> kind) {
    List<Field> out = new ArrayList<>();
    properties("", openApiV3Schema, MAPPER.constructType(kind), out);
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
      Field field = new Field(fieldPath, property.getKey(), property.getValue(), type.getRawClass());
      out.add(field);
      if (!field.keepsUnknownFields()) {
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
}
