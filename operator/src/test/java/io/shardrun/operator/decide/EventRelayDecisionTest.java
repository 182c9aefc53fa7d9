package io.shardrun.operator.decide;

import static io.shardrun.operator.decide.RunDeciderTest.SHARD0;
import static io.shardrun.operator.decide.RunDeciderTest.SHARD1;
import static io.shardrun.operator.decide.RunDeciderTest.T1;
import static io.shardrun.operator.decide.RunDeciderTest.decide;
import static io.shardrun.operator.decide.RunDeciderTest.job;
import static io.shardrun.operator.decide.RunDeciderTest.pod;
import static io.shardrun.operator.decide.RunDeciderTest.run;
import static io.shardrun.operator.decide.RunDeciderTest.shard;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.results.Event;
import io.shardrun.core.results.RelayedEvents;
import io.shardrun.core.results.ResultsDocument;
import io.shardrun.core.results.ShardCounts;
import io.shardrun.core.results.ShardState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cross-shard events: the operator relays every shard's published events to each pod that runs. */
class EventRelayDecisionTest {
  static final Event CREATED = new Event("order.created", "order-17", "login.json", 0, 1_000L);

  static ShardPod publishing(String name, int shard, List<String> files, List<Event> events) {
    ShardPod plain = pod(name, T1.toString(), "Running", null, files);
    ResultsDocument document = new ResultsDocument(ResultsDocument.VERSION, shard, ShardState.RUNNING, ShardCounts.tally(files.size(),
        List.of(), 0), List.of(), 0, events);
    return FailFastDecisionTest.published(plain, document, files);
  }

  @Test
  void aShardsEventReachesEveryRunningPodOnceAndNothingIsWrittenWithoutEvents() {
    ShardPod publisher = publishing("p0", 0, SHARD0, List.of(CREATED));
    ShardPod waiter = publishing("p1", 1, SHARD1, List.of());

    Decision decision = decide(run(), T1, shard(0, job(0, null, null), publisher), shard(1, job(1, null, null), waiter));

    String relayed = RelayedEvents.encode(List.of(CREATED));
    assertThat(decision.actions()).filteredOn(a -> a instanceof Action.Tell).containsExactly(
        new Action.Tell("p0", RelayedEvents.ANNOTATION, relayed), new Action.Tell("p1", RelayedEvents.ANNOTATION, relayed));

    waiter.pod().getMetadata().setAnnotations(Map.of(RelayedEvents.ANNOTATION, relayed));
    publisher.pod().getMetadata().setAnnotations(Map.of(RelayedEvents.ANNOTATION, relayed));
    assertThat(decide(run(), T1, shard(0, job(0, null, null), publisher), shard(1, job(1, null, null), waiter)).actions())
        .as("told already").noneMatch(a -> a instanceof Action.Tell);
    assertThat(decide(run(), T1, shard(0, job(0, null, null), publishing("q0", 0, SHARD0, List.of())),
        shard(1, job(1, null, null), publishing("q1", 1, SHARD1, List.of()))).actions())
        .as("no events, nothing to relay").noneMatch(a -> a instanceof Action.Tell);
  }
}
