package io.shardrun.core.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.shardrun.core.JsonErrors;
import java.io.IOException;
import java.util.List;

/**
 * The annotation value of a {@link ResultsDocument} (pod annotation {@code shardrun.io/result}).
 *
 * <p>A version-1 document has one of two forms, named by its {@code form} field. The
 * <b>full</b> form lists every finished file with its path, tags and a message cut to 500
 * characters. When that JSON would pass {@value #MAX_JSON_BYTES} bytes, the <b>compact</b> form
 * names files by their position in the shard's plan ({@link CompactResults}): messages are cut to
 * 500, then 200, then 80 characters until it fits, and if even that is too big, only the first
 * failed, errored or skipped files keep their failed step and message. Counts, statuses and
 * durations are always complete. JSON of at most {@value AnnotationText#PLAIN_MAX_BYTES} bytes is
 * stored as is; larger JSON as {@code gz:} + base64(gzip(JSON)). docs/results-format.md shows
 * both forms.
 */
public final class ResultsCodec {
  /** The pod annotation a shard publishes its results document in. */
  public static final String ANNOTATION = "shardrun.io/result";
  /** The most JSON a document may hold, before gzip: bounds the operator's memory per pod. */
  public static final int MAX_JSON_BYTES = 64 * 1024;

  /** Message lengths the compact form tries, longest first, before it drops details. */
  private static final int[] COMPACT_MESSAGE_CHARS = {FullResults.MESSAGE_CHARS, 200, 80};

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
      .build();

  private ResultsCodec() {}

  /**
   * The annotation value for {@code document}: full form when it fits, compact otherwise.
   *
   * @throws IllegalArgumentException when even the compact form without any detail passes
   *     {@value #MAX_JSON_BYTES} bytes (several thousand finished files on one shard)
   */
  /**
   * The full form whatever its size: for a document read without the shard's file list, as the
   * operator keeps a dynamic shard's results merged over its pods.
   */
  public static String encodeFull(ResultsDocument document) {
    return AnnotationText.wrap(json(FullResults.of(document)));
  }

  public static String encode(ResultsDocument document) {
    byte[] full = json(FullResults.of(document));
    if (full.length <= MAX_JSON_BYTES) {
      return AnnotationText.wrap(full);
    }
    int candidates = CompactResults.detailCandidates(document);
    for (boolean withStarts : new boolean[] {true, false}) { // the failures' details matter more than the timeline
      for (int messageChars : COMPACT_MESSAGE_CHARS) {
        byte[] compact = json(CompactResults.of(document, messageChars, candidates, withStarts));
        if (compact.length <= MAX_JSON_BYTES) {
          return AnnotationText.wrap(compact);
        }
      }
    }
    int shortest = COMPACT_MESSAGE_CHARS[COMPACT_MESSAGE_CHARS.length - 1];
    byte[] bare = json(CompactResults.of(document, shortest, 0, false));
    if (bare.length > MAX_JSON_BYTES) {
      throw new IllegalArgumentException("shard " + document.shard() + ": the results of " + document.files().size()
          + " files take " + bare.length + " bytes even in compact form; the limit is " + MAX_JSON_BYTES);
    }
    return AnnotationText.wrap(json(CompactResults.of(document, shortest, mostDetailsThatFit(document, shortest, candidates), false)));
  }

  /** The largest detail count in [0, candidates] whose compact form fits, by bisection (size grows with it). */
  private static int mostDetailsThatFit(ResultsDocument document, int messageChars, int candidates) {
    int fits = 0;
    int tooMany = candidates;
    while (tooMany - fits > 1) {
      int middle = (fits + tooMany) >>> 1;
      if (json(CompactResults.of(document, messageChars, middle, false)).length <= MAX_JSON_BYTES) {
        fits = middle;
      } else {
        tooMany = middle;
      }
    }
    return fits;
  }

  /**
   * Reads an annotation value.
   *
   * @param shardPlanFiles the shard's files in plan order, which the compact form refers to by
   *     position (unused by the full form)
   * @param source named in every error: the pod and annotation, say
   * @throws IllegalArgumentException naming {@code source} and what is wrong: bad base64, bad
   *     gzip, oversize or bad JSON, a missing or unsupported version, a missing field, or a compact
   *     document that does not fit {@code shardPlanFiles}
   */
  public static ResultsDocument decode(String value, List<String> shardPlanFiles, String source) {
    byte[] json = AnnotationText.unwrap(value, MAX_JSON_BYTES, source);
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": bad JSON in result document: " + describe(e), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new IllegalArgumentException(source + ": bad JSON in result document: expected an object");
    }
    checkVersion(tree.get("version"), source);
    JsonNode form = tree.get("form");
    try {
      if (form != null && "full".equals(form.asText())) {
        return MAPPER.treeToValue(tree, FullResults.class).toDocument(source);
      }
      if (form != null && "compact".equals(form.asText())) {
        return MAPPER.treeToValue(tree, CompactResults.class).toDocument(shardPlanFiles, source);
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": bad result document: " + describe(e), e);
    }
    throw new IllegalArgumentException(source + ": result document " + (form == null ? "has no form" : "form is " + form)
        + "; expected \"full\" or \"compact\"");
  }

  private static void checkVersion(JsonNode version, String source) {
    if (version == null || version.isNull()) {
      throw new IllegalArgumentException(source + ": missing result version; expected " + ResultsDocument.VERSION);
    }
    if (!version.isInt() || version.intValue() != ResultsDocument.VERSION) {
      throw new IllegalArgumentException(source + ": unsupported result version " + version + "; expected "
          + ResultsDocument.VERSION);
    }
  }

  /** {@code value}, unless it is null: then an error naming {@code source} and the missing field. */
  static <T> T require(T value, String field, String source) {
    if (value == null) {
      throw new IllegalArgumentException(source + ": result document has no " + field);
    }
    return value;
  }

  private static String describe(IOException e) {
    if (e instanceof JsonProcessingException j) {
      return JsonErrors.describe(j);
    }
    return e.getMessage();
  }

  private static byte[] json(Object wire) {
    try {
      return MAPPER.writeValueAsBytes(wire);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
