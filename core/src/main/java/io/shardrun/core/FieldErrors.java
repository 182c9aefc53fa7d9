package io.shardrun.core;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Jackson's errors in reading a document (a Kubernetes object, a history, a plan), as messages for
 * people who write YAML or JSON: the
 * field's path ({@code spec.env[0].value}), what belongs there and what was found, with no Java
 * type in sight.
 */
public final class FieldErrors {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<Class<?>> INTEGERS = Set.of(Integer.class, int.class, Long.class, long.class,
      Short.class, short.class, BigInteger.class);
  private static final Set<Class<?>> NUMBERS = Set.of(Double.class, double.class, Float.class, float.class,
      java.math.BigDecimal.class, Number.class);

  private FieldErrors() {}

  /** @param document the tree that was being read, to show what stands at the failing field */
  public static IllegalArgumentException of(JsonMappingException e, JsonNode document, String place) {
    String path = path(e);
    if (e instanceof UnrecognizedPropertyException unknown) {
      return unknownField(place, unknown.getPropertyName(), path,
          unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList());
    }
    if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException refused) {
      // The type's own check said what is wrong, in words.
      return new IllegalArgumentException(place + ": " + (path.isEmpty() ? "" : path + ": ") + refused.getMessage());
    }
    JsonNode found = document.at(pointer(e));
    Class<?> type = targetType(e);
    String problem;
    if (type == null) {
      problem = describe(found) + " is not a valid value here";
    } else if (type.isEnum() && found.isValueNode()) {
      problem = describe(found) + " is not one of " + enumNames(type);
    } else {
      problem = "expected " + expected(type, found) + ", found " + describe(found);
    }
    return new IllegalArgumentException(place + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
  }

  public static IllegalArgumentException unknownField(String place, String field, String path, List<String> known) {
    return new IllegalArgumentException(place + ": unknown field '" + field + "' at " + path + "; expected one of "
        + String.join(", ", known));
  }

  /** A value as a message shows it: {@code 'abc'}, {@code 42}, {@code true}, {@code a list}, {@code a mapping}. */
  public static String describe(JsonNode value) {
    if (value.isTextual()) {
      return "'" + value.asText() + "'";
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isObject()) {
      return "a mapping";
    }
    return value.isMissingNode() ? "nothing" : value.toString();
  }

  private static String expected(Class<?> type, JsonNode found) {
    if (type.isEnum()) {
      return "one of " + enumNames(type);
    }
    if (INTEGERS.contains(type)) {
      // An integer that does not fit: say the range rather than "expected an integer, found 99999999999".
      if (found.isIntegralNumber() && (type == Integer.class || type == int.class)) {
        return "an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
      }
      if (found.isIntegralNumber() && (type == Long.class || type == long.class)) {
        return "an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
      }
      return "an integer";
    }
    if (NUMBERS.contains(type)) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    return Collection.class.isAssignableFrom(type) || type.isArray() ? "a list" : "a mapping"; // maps and objects
  }

  /** The names written in YAML ({@code @JsonProperty}), in declaration order. */
  private static String enumNames(Class<?> type) {
    return Arrays.stream(type.getEnumConstants()).map(c -> MAPPER.convertValue(c, String.class))
        .collect(Collectors.joining(", "));
  }

  private static Class<?> targetType(JsonMappingException e) {
    if (e instanceof MismatchedInputException mismatch) {
      return mismatch.getTargetType();
    }
    return e.getCause() instanceof InputCoercionException coercion ? coercion.getTargetType() : null;
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static JsonPointer pointer(JsonMappingException e) {
    JsonPointer pointer = JsonPointer.empty();
    for (JsonMappingException.Reference ref : e.getPath()) {
      pointer = ref.getFieldName() != null ? pointer.appendProperty(ref.getFieldName()) : pointer.appendIndex(ref.getIndex());
    }
    return pointer;
  }
}
