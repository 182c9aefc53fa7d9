package io.shardrun.core.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.shardrun.core.JsonErrors;
import java.io.IOException;

/**
 * The ConfigMap value of a {@link RunRecord}: its JSON, stored as the result annotation is (as is
 * up to 8 KiB, else {@code gz:} + base64(gzip(JSON))). Messages are cut to 500 characters, and
 * shorter (200, 80, none) only when the value would not fit the room it is given.
 */
public final class RunRecordCodec {
  /** The most JSON a record may inflate to when read: far above 5,000 files' worth, far below harm. */
  static final int MAX_JSON_BYTES = 64 * 1024 * 1024;
  private static final int[] MESSAGE_CHARS = {FullResults.MESSAGE_CHARS, 200, 80, 0};

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
      .build();

  private RunRecordCodec() {}

  /**
   * The value for {@code record}, its messages cut until it takes at most {@code maxChars}
   * characters; without messages when even that is more.
   */
  public static String encode(RunRecord record, int maxChars) {
    String value = null;
    for (int chars : MESSAGE_CHARS) {
      value = AnnotationText.wrap(json(record.withMessagesCut(chars)));
      if (value.length() <= maxChars) {
        break;
      }
    }
    return value;
  }

  /**
   * Reads a value.
   *
   * @param source named in every error: the ConfigMap and key, say
   * @throws IllegalArgumentException naming {@code source} and what is wrong
   */
  public static RunRecord decode(String value, String source) {
    byte[] json = AnnotationText.unwrap(value, MAX_JSON_BYTES, source);
    try {
      JsonNode tree = MAPPER.readTree(json);
      if (tree == null || !tree.isObject()) {
        throw new IllegalArgumentException(source + ": bad JSON in run results: expected an object");
      }
      JsonNode version = tree.get("version");
      if (version == null || !version.isInt() || version.intValue() != ResultsDocument.VERSION) {
        throw new IllegalArgumentException(source + ": unsupported run results version " + version + "; expected "
            + ResultsDocument.VERSION);
      }
      return MAPPER.treeToValue(tree, RunRecord.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": bad run results: " + JsonErrors.describe(e), e);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": unreadable run results: " + e.getMessage(), e);
    }
  }

  private static byte[] json(RunRecord record) {
    try {
      return MAPPER.writeValueAsBytes(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
