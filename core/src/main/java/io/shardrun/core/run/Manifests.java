package io.shardrun.core.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.shardrun.crd.v1alpha1.TestRun;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads and writes YAML streams of Kubernetes objects. Reading is strict for what Shardrun owns:
 * an unknown field in a TestRun (a typo such as {@code shard: 4}) is an error naming it.
 */
public final class Manifests {
  private static final ObjectMapper STRICT = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final ObjectMapper WRITER = new ObjectMapper(new YAMLFactory()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE))
      .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private Manifests() {}

  /** The TestRuns and ConfigMaps of a YAML stream (other kinds are passed over). */
  public record Documents(List<TestRun> testRuns, List<ConfigMap> configMaps) {}

  /**
   * @param source named in errors, e.g. the file path
   * @throws IllegalArgumentException naming the source, the document and the field
   */
  public static Documents read(String yaml, String source) {
    List<TestRun> runs = new ArrayList<>();
    List<ConfigMap> configMaps = new ArrayList<>();
    try (MappingIterator<JsonNode> docs = STRICT.readerFor(JsonNode.class).readValues(yaml)) {
      int index = 0;
      while (docs.hasNextValue()) {
        JsonNode doc = docs.nextValue();
        index++;
        if (doc == null || doc.isNull() || doc.isEmpty()) {
          continue;
        }
        String where = source + " (document " + index + ")";
        String kind = doc.path("kind").asText();
        String apiVersion = doc.path("apiVersion").asText();
        if (TestRun.KIND.equals(kind)) {
          if (!TestRun.API_VERSION.equals(apiVersion)) {
            throw new IllegalArgumentException(where + ": TestRun apiVersion must be " + TestRun.API_VERSION + ", found '" + apiVersion + "'");
          }
          TestRun run = convert(doc, TestRun.class, where);
          rejectUnknown(run.getSpec() == null ? List.of() : run.getSpec().getEnv(), where, "spec.env");
          runs.add(run);
        } else if ("ConfigMap".equals(kind) && "v1".equals(apiVersion)) {
          configMaps.add(convert(doc, ConfigMap.class, where));
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": not valid YAML: " + e.getMessage());
    }
    return new Documents(runs, configMaps);
  }

  /** A multi-document YAML stream, ready for {@code kubectl apply -f -}. */
  public static String write(Collection<? extends HasMetadata> objects) {
    StringBuilder out = new StringBuilder();
    for (HasMetadata object : objects) {
      out.append("---\n").append(write(object));
    }
    return out.toString();
  }

  public static String write(Object object) {
    try {
      return WRITER.writeValueAsString(object);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T convert(JsonNode doc, Class<T> type, String where) {
    try {
      return STRICT.treeToValue(doc, type);
    } catch (IOException e) {
      String message = e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u
          ? "unknown field '" + u.getPropertyName() + "' at " + path(u) + "; expected one of "
              + String.join(", ", u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList())
          : e.getMessage().lines().findFirst().orElse("");
      throw new IllegalArgumentException(where + ": " + message);
    }
  }

  private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** Fabric8 model types keep unknown fields aside instead of failing; surface them. */
  private static void rejectUnknown(List<? extends KubernetesResource> items, String where, String field) {
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      if (item instanceof io.fabric8.kubernetes.api.model.EnvVar env && !env.getAdditionalProperties().isEmpty()) {
        throw new IllegalArgumentException(where + ": unknown field '" + env.getAdditionalProperties().keySet().iterator().next()
            + "' at " + field + "[" + i + "]; expected name, value or valueFrom");
      }
    }
  }
}
