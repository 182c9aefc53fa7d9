package io.shardrun.core.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.shardrun.core.JsonErrors;
import java.util.ArrayList;
import java.util.List;

/**
 * The work a dynamic run's operator gave one shard pod, written by the operator alone on that pod
 * as annotation {@value #ANNOTATION}: the batches handed out so far (work unit ids of the plan, in
 * hand-out order, only ever appended to) and whether the queue is empty, so the pod need not ask
 * again. The executor reads it; it asks for the next batch in its results document
 * ({@code ResultsDocument#wants}).
 *
 * @param version always {@value #VERSION}
 * @param batches unit ids per batch, oldest first
 * @param done no batch will follow
 */
public record Assignment(@JsonProperty(required = true) int version, @JsonProperty(required = true) List<List<Integer>> batches,
    @JsonProperty(required = true) boolean done) {
  public static final String ANNOTATION = "shardrun.io/assignment";
  public static final int VERSION = 1;
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  public Assignment {
    if (version != VERSION) {
      throw new IllegalArgumentException("unsupported assignment version " + version + "; expected " + VERSION);
    }
    batches = batches.stream().map(List::copyOf).toList();
  }

  /** A pod given nothing yet. */
  public static Assignment none() {
    return new Assignment(VERSION, List.of(), false);
  }

  /** This assignment with one more batch. */
  public Assignment plus(List<Integer> batch) {
    List<List<Integer>> more = new ArrayList<>(batches);
    more.add(batch);
    return new Assignment(VERSION, more, false);
  }

  /** This assignment, saying no batch will follow. */
  public Assignment finished() {
    return new Assignment(VERSION, batches, true);
  }

  public String toJson() {
    try {
      return MAPPER.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** @throws IllegalArgumentException naming {@code source} and what is wrong */
  public static Assignment read(String json, String source) {
    return JsonErrors.read(MAPPER, json, Assignment.class, source + ": not a Shardrun assignment");
  }
}
