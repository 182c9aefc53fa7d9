package io.shardrun.core;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Pattern;

/** Jackson's error messages, made readable for users. */
public final class JsonErrors {
  private static final Pattern SOURCE = Pattern.compile("\\[Source: [^;]*; line: (\\d+), column: (\\d+)]");

  private JsonErrors() {}

  /** The message without Jackson's source dump: {@code ... (start marker at line 1, column 11)}. */
  public static String message(JsonProcessingException e) {
    return SOURCE.matcher(e.getOriginalMessage()).replaceAll("line $1, column $2");
  }

  /** {@code line L, column C} of the error, or null when Jackson does not know it. */
  public static String location(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    return at == null || at.getLineNr() < 1 ? null : "line " + at.getLineNr() + ", column " + at.getColumnNr();
  }
}
