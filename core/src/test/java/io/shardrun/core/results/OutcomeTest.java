package io.shardrun.core.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class OutcomeTest {
  @Test
  void theLabelIsTheJsonSpellingAndReadsBack() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (Outcome outcome : Outcome.values()) {
      assertThat(json.writeValueAsString(outcome)).isEqualTo("\"" + outcome.label() + "\"");
      assertThat(Outcome.ofLabel(outcome.label())).isSameAs(outcome);
    }
    assertThat(Outcome.ofLabel("PASSED")).as("labels are lower-case").isNull();
    assertThat(Outcome.ofLabel("flaky")).isNull();
  }
}
