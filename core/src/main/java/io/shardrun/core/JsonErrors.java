package io.shardrun.core;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;

/** Jackson's error messages, made readable for users. */
public final class JsonErrors {
  private static final Pattern SOURCE = Pattern.compile("\\[Source: [^;]*; line: (\\d+), column: (\\d+)]");

  private JsonErrors() {}

  /** The message without Jackson's source dump: {@code ... (start marker at line 1, column 11)}. */
  public static String message(JsonProcessingException e) {
    return SOURCE.matcher(e.getOriginalMessage()).replaceAll("line $1, column $2");
  }

  /** The message, then {@code (line L, column C)} when Jackson knows where. */
  public static String describe(JsonProcessingException e) {
    String at = location(e);
    return message(e) + (at == null ? "" : " (" + at + ")");
  }

  /** {@code line L, column C} of the error, or null when Jackson does not know it. */
  public static String location(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    return at == null || at.getLineNr() < 1 ? null : "line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  /**
   * Reads a JSON document as {@code type}; every error is a plain message after {@code place}:
   * the line and column of bad JSON, or the field, what belongs there and what was found.
   *
   * @param place what the message starts with, e.g. {@code FILE: not a Shardrun plan}
   * @throws IllegalArgumentException with that message
   */
  public static <T> T read(ObjectMapper mapper, String json, Class<T> type, String place) {
    JsonNode tree;
    try {
      tree = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(place + ": " + describe(e));
    }
    if (tree == null || tree.isMissingNode()) {
      throw new IllegalArgumentException(place + ": the document is empty");
    }
    try {
      return mapper.treeToValue(tree, type);
    } catch (JsonMappingException e) {
      throw FieldErrors.of(e, tree, place);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(place + ": " + message(e));
    }
  }
}
