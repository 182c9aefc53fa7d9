package io.shardrun.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.shardrun.core.FieldErrors;
import io.shardrun.core.yaml.YamlStream;
import io.shardrun.crd.v1alpha1.TestPipeline;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.crd.v1alpha1.TestRunSchedule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads and writes YAML streams of Kubernetes objects. Reading is strict: an unknown field in a
 * TestRun, a TestPipeline or a ConfigMap (a typo such as {@code shard: 4}) is an error naming it, and so is a value
 * of the wrong type.
 */
public final class Manifests {
  private static final ObjectMapper STRICT = strict();
  private static final ObjectMapper WRITER = new ObjectMapper(new YAMLFactory()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE))
      .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private Manifests() {}

  /**
   * A reader that takes what the API server takes: no unknown fields, no number for an enum
   * ({@code sharding: 1} is no strategy, not the second one), and no integer written as a string
   * or a fraction ({@code shards: "4"}, {@code shards: 1.5}), which the CRD's schema refuses.
   */
  private static ObjectMapper strict() {
    ObjectMapper mapper = new ObjectMapper()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    return mapper;
  }

  /**
   * An object and where it was read.
   *
   * @param place {@code FILE (document N)}
   */
  public record Placed<T>(T object, String place) {}

  /**
   * A document of a kind this reader does not use.
   *
   * @param what e.g. {@code kind Deployment}
   */
  public record Ignored(String place, String what) {}

  /** The TestRuns, ConfigMaps and TestPipelines of a YAML stream, and the documents of other kinds it passed over. */
  public record Documents(List<Placed<TestRun>> placedTestRuns, List<Placed<ConfigMap>> placedConfigMaps,
      List<Ignored> ignored, List<Placed<TestPipeline>> placedTestPipelines) {
    public List<TestPipeline> testPipelines() {
      return placedTestPipelines.stream().map(Placed::object).toList();
    }

    public List<TestRun> testRuns() {
      return placedTestRuns.stream().map(Placed::object).toList();
    }

    public List<ConfigMap> configMaps() {
      return placedConfigMaps.stream().map(Placed::object).toList();
    }
  }

  /**
   * @param source named in errors, e.g. the file path
   * @throws IllegalArgumentException naming the source, the document and the field
   */
  public static Documents read(String yaml, String source) {
    List<Placed<TestRun>> runs = new ArrayList<>();
    List<Placed<ConfigMap>> configMaps = new ArrayList<>();
    List<Ignored> ignored = new ArrayList<>();
    List<Placed<TestPipeline>> pipelines = new ArrayList<>();
    for (YamlStream.Document doc : YamlStream.read(yaml, source)) {
      JsonNode content = doc.content();
      String place = doc.place();
      if (content.isNull() || content.isObject() && content.isEmpty()) {
        continue; // an empty document, such as one after a trailing ---
      }
      if (!content.isObject()) {
        throw new IllegalArgumentException(place + ": expected a Kubernetes object (a mapping with apiVersion and kind), found "
            + FieldErrors.describe(content));
      }
      String kind = content.path("kind").asText();
      String apiVersion = content.path("apiVersion").asText();
      if (kind.isEmpty()) {
        throw new IllegalArgumentException(place + ": kind: required; every document must be a Kubernetes object with apiVersion and kind");
      }
      if (TestRun.KIND.equals(kind)) {
        if (!TestRun.API_VERSION.equals(apiVersion)) {
          throw new IllegalArgumentException(place + ": TestRun apiVersion must be " + TestRun.API_VERSION + ", found '" + apiVersion + "'");
        }
        runs.add(new Placed<>(convert(content, TestRun.class, place), place));
      } else if (TestPipeline.KIND.equals(kind)) {
        if (!TestRun.API_VERSION.equals(apiVersion)) {
          throw new IllegalArgumentException(place + ": TestPipeline apiVersion must be " + TestRun.API_VERSION + ", found '" + apiVersion + "'");
        }
        pipelines.add(new Placed<>(convert(content, TestPipeline.class, place), place));
      } else if ("ConfigMap".equals(kind) && "v1".equals(apiVersion)) {
        configMaps.add(new Placed<>(convert(content, ConfigMap.class, place), place));
      } else {
        ignored.add(new Ignored(place, "ConfigMap".equals(kind) ? "kind ConfigMap of apiVersion '" + apiVersion + "' (not v1)" : "kind " + kind));
      }
    }
    return new Documents(runs, configMaps, ignored, pipelines);
  }

  /**
   * The TestRunSchedules of a YAML stream, read as strictly as its TestRuns; documents of other
   * kinds are passed over.
   *
   * @throws IllegalArgumentException naming the source, the document and the field
   */
  public static List<TestRunSchedule> schedules(String yaml, String source) {
    List<TestRunSchedule> schedules = new ArrayList<>();
    for (YamlStream.Document doc : YamlStream.read(yaml, source)) {
      if (TestRunSchedule.KIND.equals(doc.content().path("kind").asText())) {
        String apiVersion = doc.content().path("apiVersion").asText();
        if (!TestRun.API_VERSION.equals(apiVersion)) {
          throw new IllegalArgumentException(doc.place() + ": TestRunSchedule apiVersion must be " + TestRun.API_VERSION
              + ", found '" + apiVersion + "'");
        }
        schedules.add(convert(doc.content(), TestRunSchedule.class, doc.place()));
      }
    }
    return schedules;
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
