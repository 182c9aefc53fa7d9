package io.shardrun.core.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Map;

/**
 * A document as {@link PlainConstructor} builds it, as a Jackson tree. An alias's value is copied
 * wherever it is used; keys that YAML reads as numbers or booleans become their text, as kubectl
 * makes them.
 */
final class JsonTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper SCALARS = new ObjectMapper();

  private JsonTree() {}

  static JsonNode of(Object value, String place) {
    return node(value, place, "");
  }

  private static JsonNode node(Object value, String place, String path) {
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = key(entry.getKey(), place, path);
        object.set(key, node(entry.getValue(), place, path.isEmpty() ? key : path + "." + key));
      }
      return object;
    }
    if (value instanceof Collection<?> items) {
      ArrayNode array = NODES.arrayNode();
      for (Object item : items) {
        array.add(node(item, place, path + "[" + array.size() + "]"));
      }
      return array;
    }
    // Strings, booleans and numbers, each as its own kind of node (an Integer stays an IntNode).
    return value == null ? NODES.nullNode() : SCALARS.valueToTree(value);
  }

  private static String key(Object key, String place, String path) {
    if (key instanceof Map<?, ?> || key instanceof Collection<?>) {
      throw new IllegalArgumentException(place + ": " + (path.isEmpty() ? "" : path + ": ")
          + "a key must be a string, found a " + (key instanceof Map<?, ?> ? "mapping" : "list"));
    }
    return String.valueOf(key);
  }
}
