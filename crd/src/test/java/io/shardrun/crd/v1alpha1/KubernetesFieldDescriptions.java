package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Describes the fields of Kubernetes' own types in the TestRun CRD (resources, env, conditions)
 * from the table {@value #TABLE}, keyed by type and field. The CRD generator leaves those fields
 * without a description, so {@code kubectl explain testrun.spec.browser.resources.limits} would
 * show none.
 */
final class KubernetesFieldDescriptions {
  static final String TABLE = "/kubernetes-field-descriptions.yaml";

  private KubernetesFieldDescriptions() {}

  /**
   * Gives every field of a Kubernetes type without a description its description from the table.
   *
   * @throws IllegalStateException naming the fields the table lacks, and the entries no field
   *     uses (a field Kubernetes removed, or one the generator now describes itself)
   */
  static void fillIn(JSONSchemaProps openApiV3Schema, Class<?> kind) {
    Map<String, Map<String, String>> table = table();
    Set<String> used = new HashSet<>();
    List<String> missing = new ArrayList<>();
    for (CrdSchemaFields.Field field : CrdSchemaFields.of(openApiV3Schema, kind)) {
      if (!field.ofKubernetesType() || field.schema().getDescription() != null) {
        continue;
      }
      String type = field.declaredBy().getSimpleName();
      String description = table.getOrDefault(type, Map.of()).get(field.name());
      if (description == null) {
        missing.add(type + "." + field.name() + " (" + field.path() + ")");
      } else {
        field.schema().setDescription(description);
        used.add(type + "." + field.name());
      }
    }
    List<String> unused = table.entrySet().stream()
        .flatMap(type -> type.getValue().keySet().stream().map(name -> type.getKey() + "." + name))
        .filter(key -> !used.contains(key)).sorted().toList();
    if (!missing.isEmpty() || !unused.isEmpty()) {
      throw new IllegalStateException("crd/src/test/resources" + TABLE + " does not match the CRD's fields of Kubernetes types."
          + "\n  no description for: " + missing + "\n  no such field, or already described: " + unused);
    }
  }

  private static Map<String, Map<String, String>> table() {
    try (InputStream in = KubernetesFieldDescriptions.class.getResourceAsStream(TABLE)) {
      return new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + TABLE, e);
    }
  }
}
