package io.shardrun.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML streams into the Fabric8 Kubernetes model and fails on any field the model does not
 * know: Fabric8 keeps unknown fields aside in "additionalProperties" instead of failing, so a
 * typo such as {@code securityContex:} would otherwise pass unnoticed (and be dropped by the API
 * server).
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
        List<String> unknown = new ArrayList<>();
        collectUnknown(object, "", unknown);
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

  /** Objects of kinds the model has no class for (a ServiceMonitor) are read generically, unchecked. */
  private static void collectUnknown(Object node, String path, List<String> out) {
    if (node instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        collectUnknown(item, path + "[" + i++ + "]", out);
      }
    } else if (node instanceof Map<?, ?> map) {
      map.forEach((key, value) -> collectUnknown(value, path + "." + key, out));
    } else if (node instanceof KubernetesResource && !(node instanceof GenericKubernetesResource)) {
      for (Method getter : node.getClass().getMethods()) {
        if (isPropertyGetter(getter)) {
          Object value = invoke(getter, node);
          String name = getter.getName().substring(3);
          if (name.equals("AdditionalProperties") && value instanceof Map<?, ?> extra) {
            extra.keySet().forEach(key -> out.add(path + "." + key));
          } else {
            collectUnknown(value, path + "." + Character.toLowerCase(name.charAt(0)) + name.substring(1), out);
          }
        }
      }
    }
  }

  private static boolean isPropertyGetter(Method method) {
    Class<?> type = method.getReturnType();
    return method.getName().startsWith("get") && method.getParameterCount() == 0
        && !Modifier.isStatic(method.getModifiers()) && !method.getName().equals("getClass")
        && (KubernetesResource.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type));
  }

  private static Object invoke(Method getter, Object target) {
    try {
      return getter.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + getter + " of " + target.getClass().getSimpleName(), e);
    }
  }
}
