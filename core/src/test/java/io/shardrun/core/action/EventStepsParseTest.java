package io.shardrun.core.action;

import static io.shardrun.core.TestSuites.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EventStepsParseTest {
  @Test
  void publishAndWaitTakeATopicAndAValueOrPatternWithVariablesAnywhere() {
    assertThat(problems("a.json", """
        {"steps": [
          {"command": "publishEvent", "target": "order.created", "value": "order-${ORDER_ID}"},
          {"command": "publishEvent", "target": "orders/${REGION}", "value": ""},
          {"command": "waitForEvent", "target": "order.created"},
          {"command": "waitForEvent", "target": "order.created", "value": "order-[0-9]+ for ${USER}", "timeout_s": 30}
        ]}
        """)).isEmpty();
  }

  @Test
  void aMissingOrBadTopicAndABadPatternNameTheStepAndWhatWasExpected() {
    assertThat(problems("a.json", """
        {"steps": [
          {"command": "publishEvent", "value": "x"},
          {"command": "waitForEvent", "target": "order created"},
          {"command": "waitForEvent", "target": "order.created", "value": "order-[0-9"},
          {"command": "publishEvnt", "target": "order.created"}
        ]}
        """)).containsExactly(
        new Problem("a.json", "steps[0].target", "publishEvent expects " + EventRules.TOPIC_EXPECTED + " in target, found nothing"),
        new Problem("a.json", "steps[1].target", "waitForEvent expects " + EventRules.TOPIC_EXPECTED + " in target, found 'order created'"),
        new Problem("a.json", "steps[2].value",
            "waitForEvent expects an optional Java regular expression the whole event value must match in value, found 'order-[0-9'"),
        new Problem("a.json", "steps[3].command", "unknown command 'publishEvnt'; see docs/action-files.md for the commands"));
  }

  @Test
  void aPatternMatchesTheWholeValueAndTakesVariablesLiterally() {
    Map<String, String> vars = Map.of("ID", "4.2");
    assertThat(EventRules.pattern("order-${ID}", vars::get).matcher("order-4.2").matches()).isTrue();
    assertThat(EventRules.pattern("order-${ID}", vars::get).matcher("order-4x2").matches()).isFalse();
    assertThat(EventRules.pattern("order-[0-9]+", vars::get).matcher("order-12 shipped").matches()).isFalse();
    assertThat(EventRules.pattern("", vars::get).matcher("anything\nat all").matches()).isTrue();
  }

  @Test
  void waitForEventIsNoMillisecondWait() {
    assertThat(Command.WAIT_FOR_EVENT.isWait()).isFalse();
    assertThat(Command.WAIT_FOR_ELEMENT_PRESENT.isWait()).isTrue();
  }
}
