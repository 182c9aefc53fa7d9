package io.shardrun.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardrun.crd.v1alpha1.Sharding;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanCodecTest {
  private static final Plan PLAN = new Plan(Sharding.BALANCED, List.of(
      new PlannedShard(0, 4000, List.of(new PlannedFile("auth/login.json", 1000), new PlannedFile("日本/テスト.json", 3000))),
      new PlannedShard(1, 0, List.of())));

  @Test
  void roundTripsAPlanWithEmptyShards() {
    assertThat(PlanCodec.read(PlanCodec.write(PLAN), "plan.json")).isEqualTo(PLAN);
  }

  @Test
  void writesApiVersionKindShardingAndShards() {
    assertThat(PlanCodec.write(PLAN)).isEqualTo("""
        {
          "apiVersion" : "shardrun.io/v1alpha1",
          "kind" : "Plan",
          "sharding" : "balanced",
          "shards" : [ {
            "index" : 0,
            "estimateMs" : 4000,
            "files" : [ {
              "path" : "auth/login.json",
              "estimateMs" : 1000
            }, {
              "path" : "日本/テスト.json",
              "estimateMs" : 3000
            } ]
          }, {
            "index" : 1,
            "estimateMs" : 0,
            "files" : [ ]
          } ]
        }
        """);
  }

  @Test
  void wrongKindIsRejectedNamingTheSource() {
    String json = PlanCodec.write(PLAN).replace("\"kind\" : \"Plan\"", "\"kind\" : \"TestRun\"");

    assertThatThrownBy(() -> PlanCodec.read(json, "ConfigMap run-1-plan"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ConfigMap run-1-plan: expected apiVersion shardrun.io/v1alpha1 and kind Plan,"
            + " found shardrun.io/v1alpha1 TestRun");
  }

  @Test
  void wrongApiVersionIsRejectedNamingTheSource() {
    String json = PlanCodec.write(PLAN).replace("shardrun.io/v1alpha1", "shardrun.io/v2");

    assertThatThrownBy(() -> PlanCodec.read(json, "plan.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("plan.json: expected apiVersion shardrun.io/v1alpha1 and kind Plan, found shardrun.io/v2 Plan");
  }

  @Test
  void unknownFieldIsRejectedNamingTheSource() {
    String json = PlanCodec.write(PLAN).replace("\"kind\" : \"Plan\",", "\"kind\" : \"Plan\", \"owner\" : \"me\",");

    assertThatThrownBy(() -> PlanCodec.read(json, "plan.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("plan.json: not a Shardrun plan: unknown field 'owner' at owner; expected one of apiVersion, kind, sharding, shards, units, variants");
  }

  @Test
  void invalidJsonIsRejectedNamingTheSource() {
    assertThatThrownBy(() -> PlanCodec.read("{\"kind\": ", "plan.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("plan.json: not a Shardrun plan: ");
  }
}
