package io.shardrun.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.shardrun.core.run.UnknownFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads YAML streams into the Fabric8 Kubernetes model and fails on any field the model does not
 * know ({@link UnknownFields}), so a typo such as {@code securityContex:} cannot pass unnoticed
 * (the API server would drop it). Kinds the model has no class for (a ServiceMonitor) are read
 * generically, unchecked.
 */
final class StrictModel {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private StrictModel() {}

  /**
   * @param source named in errors
   * @throws AssertionError naming the document, its kind and name, and the unknown fields
   */
  static List<HasMetadata> parse(String yaml, String source) {
    List<HasMetadata> objects = new ArrayList<>();
    try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (docs.hasNextValue()) {
        JsonNode doc = docs.nextValue();
        if (doc == null || doc.isNull() || doc.isEmpty()) {
          continue;
        }
        HasMetadata object = (HasMetadata) Serialization.jsonMapper().treeToValue(doc, KubernetesResource.class);
        List<String> unknown = UnknownFields.in(object).stream().map(UnknownFields.Found::path).toList();
        if (!unknown.isEmpty()) {
          throw new AssertionError(source + ": " + object.getKind() + " " + object.getMetadata().getName()
              + " has fields the Kubernetes model does not know: " + unknown);
        }
        objects.add(object);
      }
    } catch (IOException e) {
      throw new AssertionError(source + ": not valid YAML: " + e.getMessage(), e);
    }
    return objects;
  }
}
