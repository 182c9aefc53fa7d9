package io.shardrun.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.shardrun.core.yaml.YamlStream;
import io.shardrun.crd.v1alpha1.TestRun;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads and writes YAML streams of Kubernetes objects. Reading is strict: an unknown field in a
 * TestRun or a ConfigMap (a typo such as {@code shard: 4}) is an error naming it, and so is a value
 * of the wrong type.
 */
public final class Manifests {
  private static final ObjectMapper STRICT = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS); // sharding: 1 is no sharding, not the second one
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
    for (YamlStream.Document doc : YamlStream.read(yaml, source)) {
      JsonNode content = doc.content();
      if (content.isNull() || content.isEmpty()) {
        continue;
      }
      String kind = content.path("kind").asText();
      String apiVersion = content.path("apiVersion").asText();
      if (TestRun.KIND.equals(kind)) {
        if (!TestRun.API_VERSION.equals(apiVersion)) {
          throw new IllegalArgumentException(doc.place() + ": TestRun apiVersion must be " + TestRun.API_VERSION + ", found '" + apiVersion + "'");
        }
        runs.add(convert(content, TestRun.class, doc.place()));
      } else if ("ConfigMap".equals(kind) && "v1".equals(apiVersion)) {
        configMaps.add(convert(content, ConfigMap.class, doc.place()));
      }
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

  private static <T> T convert(JsonNode doc, Class<T> type, String place) {
    T object;
    try {
      object = STRICT.treeToValue(doc, type);
    } catch (JsonMappingException e) {
      throw FieldErrors.of(e, doc, place);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(place + ": " + e.getOriginalMessage());
    }
    // Fabric8 types inside (env entries, resources, metadata) keep unknown fields aside instead of failing.
    List<UnknownFields.Found> unknown = UnknownFields.in(object);
    if (!unknown.isEmpty()) {
      throw FieldErrors.unknownField(place, unknown.get(0).field(), unknown.get(0).path(), unknown.get(0).known());
    }
    return object;
  }
}
