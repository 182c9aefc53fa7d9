package io.shardrun.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AssignmentTest {
  @Test
  void batchesAreAppendedAndTheLastSaysNoMoreFollow() {
    Assignment given = Assignment.none().plus(List.of(0, 3)).plus(List.of(5)).finished();

    assertThat(given.toJson()).isEqualTo("{\"version\":1,\"batches\":[[0,3],[5]],\"done\":true}");
    assertThat(Assignment.read(given.toJson(), "pod p")).isEqualTo(given);
  }

  @Test
  void aDocumentThatIsNoAssignmentIsRefusedNamingItsSource() {
    assertThatThrownBy(() -> Assignment.read("{\"version\": 1, \"batches\": \"all\", \"done\": false}", "pod qa/p"))
        .hasMessage("pod qa/p: not a Shardrun assignment: batches: expected a list, found 'all'");
    assertThatThrownBy(() -> Assignment.read("{\"version\": 2, \"batches\": [], \"done\": false}", "pod qa/p"))
        .hasMessage("pod qa/p: not a Shardrun assignment: unsupported assignment version 2; expected 1");
  }
}
