package io.shardrun.core.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.shardrun.core.JsonErrors;
import io.shardrun.crd.v1alpha1.TestRun;

/** The JSON form of a {@link Plan}. */
public final class PlanCodec {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private PlanCodec() {}

  public static String write(Plan plan) {
    try {
      return MAPPER.writeValueAsString(plan) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** @throws IllegalArgumentException naming {@code source} and what is wrong */
  public static Plan read(String json, String source) {
    Plan plan = JsonErrors.read(MAPPER, json, Plan.class, source + ": not a Shardrun plan");
    if (!TestRun.API_VERSION.equals(plan.apiVersion()) || !Plan.KIND.equals(plan.kind())) {
      throw new IllegalArgumentException(source + ": expected apiVersion " + TestRun.API_VERSION
          + " and kind Plan, found " + plan.apiVersion() + " " + plan.kind());
    }
    return plan;
  }
}
