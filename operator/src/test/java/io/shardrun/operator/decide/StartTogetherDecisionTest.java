package io.shardrun.operator.decide;

import static io.shardrun.operator.decide.RunDeciderTest.SHARD0;
import static io.shardrun.operator.decide.RunDeciderTest.SHARD1;
import static io.shardrun.operator.decide.RunDeciderTest.T0;
import static io.shardrun.operator.decide.RunDeciderTest.decide;
import static io.shardrun.operator.decide.RunDeciderTest.doc;
import static io.shardrun.operator.decide.RunDeciderTest.job;
import static io.shardrun.operator.decide.RunDeciderTest.pod;
import static io.shardrun.operator.decide.RunDeciderTest.run;
import static io.shardrun.operator.decide.RunDeciderTest.shard;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.shardrun.core.results.ShardState;
import io.shardrun.core.results.StartTogether;
import io.shardrun.crd.v1alpha1.Phase;
import io.shardrun.crd.v1alpha1.TestRun;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** spec.startTogether: every shard starts at one time once all are ready; one never ready ends the run in Error, naming it. */
class StartTogetherDecisionTest {
  static TestRun together() {
    TestRun run = run();
    run.getMetadata().setCreationTimestamp(T0.toString());
    run.getSpec().setStartTogether(true);
    run.getSpec().setStartTogetherTimeoutSeconds(120);
    return run;
  }

  static ShardPod ready(String name, int shard) {
    return pod(name, T0.toString(), "Running", doc(shard, shard == 0 ? 2 : 1, ShardState.RUNNING), shard == 0 ? SHARD0 : SHARD1);
  }

  @Test
  void whileAShardIsNotReadyNobodyIsToldAndTheRunLooksAgainAtTheDeadline() {
    Instant now = T0.plusSeconds(30);
    Decision decision = decide(together(), now, shard(0, job(0, null, null), ready("p0", 0)),
        shard(1, job(1, null, null), pod("p1", T0.toString(), "Pending", null, SHARD1)));

    assertThat(decision.actions()).noneMatch(a -> a instanceof Action.Tell || a instanceof Action.Retire);
    assertThat(decision.status().getStartedTogetherTime()).isNull();
    assertThat(decision.requeueAfter()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void onceEveryShardIsReadyEachPodIsToldOneTimeAShortWhileAheadAndTheStatusKeepsIt() {
    TestRun run = together();
    Instant now = T0.plusSeconds(30);
    Decision decision = decide(run, now, shard(0, job(0, null, null), ready("p0", 0)), shard(1, job(1, null, null), ready("p1", 1)));

    String at = now.plus(SynchronizedStart.LEAD).toString();
    assertThat(decision.actions()).filteredOn(a -> a instanceof Action.Tell).containsExactly(
        new Action.Tell("p0", StartTogether.ANNOTATION, at), new Action.Tell("p1", StartTogether.ANNOTATION, at));
    assertThat(decision.status().getStartedTogetherTime()).isEqualTo(at);

    run.setStatus(decision.status());
    ShardPod replacement = pod("p1-again", T0.toString(), "Pending", null, SHARD1);
    ShardPod told = ready("p0", 0);
    told.pod().getMetadata().setAnnotations(Map.of(StartTogether.ANNOTATION, at));
    Decision later = decide(run, now.plusSeconds(60), shard(0, job(0, null, null), told), shard(1, job(1, null, null), replacement));
    assertThat(later.actions()).filteredOn(a -> a instanceof Action.Tell).as("a replacement starts at once, at the same time")
        .containsExactly(new Action.Tell("p1-again", StartTogether.ANNOTATION, at));
  }

  @Test
  void aShardNotReadyByTheDeadlineEndsTheRunInErrorNamingIt() {
    TestRun run = together();
    Instant late = T0.plusSeconds(121);
    Decision decision = decide(run, late, shard(0, job(0, null, null), ready("p0", 0)),
        shard(1, job(1, null, null), pod("p1", T0.toString(), "Pending", null, SHARD1)));

    String why = "not started together: shard 1 not ready within 120 s of the run's creation (spec.startTogetherTimeoutSeconds)";
    assertThat(decision.actions()).filteredOn(a -> a instanceof Action.Retire).extracting(a -> ((Action.Retire) a).why())
        .containsExactly(why, why);
    assertThat(decision.actions()).noneMatch(a -> a instanceof Action.Tell);

    Decision retired = decide(run, late, shard(0, retired(job(0, null, null), why)), shard(1, retired(job(1, null, null), why)));
    assertThat(retired.status().getPhase()).isEqualTo(Phase.Error);
    assertThat(Conditions.find(retired.status(), Conditions.COMPLETE).getMessage()).startsWith("shard 0: " + why);
  }

  static Job retired(Job job, String why) {
    Job retired = new JobBuilder(job).editSpec().withSuspend(true).endSpec().build();
    retired.getMetadata().setAnnotations(Map.of(Action.Retire.ANNOTATION, why));
    return retired;
  }
}
