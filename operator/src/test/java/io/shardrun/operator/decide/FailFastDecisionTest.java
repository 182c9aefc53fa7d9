package io.shardrun.operator.decide;

import static io.shardrun.operator.decide.RunDeciderTest.DECIDER;
import static io.shardrun.operator.decide.RunDeciderTest.SHARD0;
import static io.shardrun.operator.decide.RunDeciderTest.SHARD1;
import static io.shardrun.operator.decide.RunDeciderTest.T0;
import static io.shardrun.operator.decide.RunDeciderTest.T1;
import static io.shardrun.operator.decide.RunDeciderTest.decide;
import static io.shardrun.operator.decide.RunDeciderTest.doc;
import static io.shardrun.operator.decide.RunDeciderTest.dynamic;
import static io.shardrun.operator.decide.RunDeciderTest.job;
import static io.shardrun.operator.decide.RunDeciderTest.passed;
import static io.shardrun.operator.decide.RunDeciderTest.pod;
import static io.shardrun.operator.decide.RunDeciderTest.run;
import static io.shardrun.operator.decide.RunDeciderTest.shard;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.shardrun.core.plan.Assignment;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.PlannedFile;
import io.shardrun.core.plan.PlannedShard;
import io.shardrun.core.plan.WorkUnit;
import io.shardrun.core.results.FailFastStop;
import io.shardrun.core.results.FileResult;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.results.ResultsCodec;
import io.shardrun.core.results.ResultsDocument;
import io.shardrun.core.results.ShardCounts;
import io.shardrun.core.results.ShardState;
import io.shardrun.crd.v1alpha1.Phase;
import io.shardrun.crd.v1alpha1.Sharding;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.crd.v1alpha1.TestRunStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** spec.failFast: the first bad file stops the run, and every run reports its time to first failure. */
class FailFastDecisionTest {
  /** login.json failed 7 s after T0 by the executor's clock. */
  static final FileResult LOGIN_FAILED = new FileResult("login.json", Outcome.FAILED, 2000, List.of("shop"), 1, "expected 'a' but was 'b'",
      T0.toEpochMilli() + 5000, null);
  static final FileResult CART_SKIPPED = new FileResult("cart.json", Outcome.SKIPPED, 0, List.of(), null,
      FailFastStop.skipped("login.json"), T0.toEpochMilli() + 7000, null);

  static TestRun failFast() {
    TestRun run = run();
    run.getSpec().setFailFast(true);
    return run;
  }

  static Job suspended(int shard) {
    return new JobBuilder(job(shard, null, null)).editSpec().withSuspend(true).endSpec().build();
  }

  static Job retired(Job job, String why) {
    Job retired = new JobBuilder(job).build();
    retired.getMetadata().setAnnotations(Map.of(Action.Retire.ANNOTATION, why));
    return retired;
  }

  @Test
  void theFirstFailureTellsEveryRunningPodOnceAndRetiresTheShardsNotStarted() {
    TestRun run = failFast();
    run.getSpec().setParallelism(1);
    ShardPod running = pod("p0", "2026-11-21T10:00:00Z", "Running", doc(0, 2, ShardState.RUNNING, LOGIN_FAILED), SHARD0);

    Decision decision = decide(run, T1, shard(0, job(0, null, null), running), shard(1, suspended(1)));

    assertThat(decision.actions()).filteredOn(a -> a instanceof Action.Tell).containsExactly(new Action.Tell("p0", FailFastStop.ANNOTATION, "login.json"));
    assertThat(decision.actions()).filteredOn(a -> a instanceof Action.Retire).singleElement().satisfies(a -> {
      assertThat(((Action.Retire) a).job().getMetadata().getName()).isEqualTo("nightly-shard-1");
      assertThat(((Action.Retire) a).why()).isEqualTo("not started (fail-fast): login.json did not pass");
    });
    assertThat(decision.actions()).noneMatch(a -> a instanceof Action.Release);
    assertThat(decision.status().getFirstFailedFile()).isEqualTo("login.json");
    assertThat(decision.status().getFirstFailureTime()).isEqualTo("2026-11-21T10:00:07Z");

    ShardPod told = pod("p0", "2026-11-21T10:00:00Z", "Running", doc(0, 2, ShardState.RUNNING, LOGIN_FAILED), SHARD0);
    told.pod().getMetadata().setAnnotations(Map.of(FailFastStop.ANNOTATION, "login.json"));
    assertThat(decide(run, T1, shard(0, job(0, null, null), told), shard(1, retired(suspended(1), Action.Retire.failFast("login.json"))))
        .actions()).noneMatch(a -> a instanceof Action.Tell || a instanceof Action.Retire);
  }

  @Test
  void theStoppedRunEndsFailedWithReasonFailFastNamingTheFileAndCountsWhatDidNotRunAsSkipped() {
    TestRun run = failFast();
    run.getSpec().setParallelism(1);
    run.setStatus(decide(run, T0, shard(0, job(0, null, null)), shard(1, suspended(1))).status());
    run.getStatus().setPhase(Phase.Running);
    ShardPod ended = pod("p0", "2026-11-21T10:00:00Z", "Failed", doc(0, 2, ShardState.DONE, LOGIN_FAILED, CART_SKIPPED), SHARD0);

    Decision decision = decide(run, T1, shard(0, job(0, "Failed", "PodFailurePolicy"), ended),
        shard(1, retired(suspended(1), Action.Retire.failFast("login.json"))));

    TestRunStatus status = decision.status();
    assertThat(status.getPhase()).isEqualTo(Phase.Failed);
    assertThat(status.getSummary().getFailed()).isEqualTo(1);
    assertThat(status.getSummary().getSkipped()).as("cart.json skipped by its shard, search.json by the shard never started").isEqualTo(2);
    assertThat(status.getShards().get(1).getPhase()).isEqualTo(Phase.Failed);
    assertThat(status.getShards().get(1).getMessage()).isEqualTo("not started (fail-fast): login.json did not pass");
    assertThat(Conditions.find(status, Conditions.COMPLETE)).satisfies(c -> {
      assertThat(c.getReason()).isEqualTo("FailFast");
      assertThat(c.getMessage()).isEqualTo("stopped at the first failure, login.json; 0 passed, 1 failed, 2 skipped, 0 errors of 3 files");
    });
    assertThat(RunDeciderTest.reasons(decision)).contains("FailFast");
  }

  @Test
  void withoutFailFastTheRunGoesOnAndStillReportsItsFirstFailure() {
    ShardPod running = pod("p0", "2026-11-21T10:00:00Z", "Running", doc(0, 2, ShardState.RUNNING, LOGIN_FAILED), SHARD0);
    ShardPod later = pod("p1", "2026-11-21T10:00:00Z", "Running",
        doc(1, 1, ShardState.RUNNING, new FileResult("search.json", Outcome.ERROR, 9000, List.of(), null, "lost", T0.toEpochMilli(), null)),
        SHARD1);

    Decision decision = decide(run(), T1, shard(0, job(0, null, null), running), shard(1, job(1, null, null), later));

    assertThat(decision.actions()).noneMatch(a -> a instanceof Action.Tell || a instanceof Action.Retire);
    assertThat(decision.status().getFirstFailedFile()).as("login.json ended at 10:00:07, search.json at 10:00:09").isEqualTo("login.json");
    assertThat(decision.status().getFirstFailureTime()).isEqualTo("2026-11-21T10:00:07Z");
  }

  @Test
  void onceWrittenTheFirstFailureStaysWhenAnEarlierOnePublishesLate() {
    TestRun run = run();
    run.setStatus(new TestRunStatus());
    run.getStatus().setFirstFailedFile("search.json");
    run.getStatus().setFirstFailureTime("2026-11-21T10:03:00Z");
    ShardPod running = pod("p0", "2026-11-21T10:00:00Z", "Running", doc(0, 2, ShardState.RUNNING, LOGIN_FAILED), SHARD0);

    TestRunStatus status = decide(run, T1, shard(0, job(0, null, null), running), shard(1, job(1, null, null))).status();

    assertThat(status.getFirstFailedFile()).isEqualTo("search.json");
    assertThat(status.getFirstFailureTime()).isEqualTo("2026-11-21T10:03:00Z");
  }

  @Test
  void aStoppedDynamicRunHandsOutNoMoreWorkAndCountsTheUnitsNoPodHeldAsSkipped() {
    List<WorkUnit> units = List.of(new WorkUnit(0, List.of(new PlannedFile("login.json", 1000), new PlannedFile("cart.json", 1000))),
        new WorkUnit(1, List.of(new PlannedFile("search.json", 1000))));
    Plan plan = new Plan(Sharding.DYNAMIC, List.of(new PlannedShard(0, 0, List.of()), new PlannedShard(1, 0, List.of())), units);
    List<String> all = List.of("login.json", "cart.json", "search.json");
    TestRun run = failFast();
    ShardPod failing = withAssignment(pod("p0", "2026-11-21T10:00:00Z", "Running", doc(0, 0, ShardState.RUNNING, LOGIN_FAILED), all),
        Assignment.none().plus(List.of(0)));
    ShardPod asking = published(pod("p1", "2026-11-21T10:00:30Z", "Running", null, all),
        new ResultsDocument(1, ShardState.RUNNING, ShardCounts.tally(0, List.of(), 0), List.of(), 1), all);

    Decision running = DECIDER.decide(dynamic(run, plan, new ShardObservation(0, List.of(), job(0, null, null), List.of(failing), null),
        new ShardObservation(1, List.of(), job(1, null, null), List.of(asking), null)));

    assertThat(running.actions()).filteredOn(a -> a instanceof Action.Assign).singleElement()
        .satisfies(a -> assertThat(((Action.Assign) a).grant().assignment()).isEqualTo(Assignment.none().finished()));

    ShardPod failed = withAssignment(pod("p0", "2026-11-21T10:00:00Z", "Failed",
        doc(0, 0, ShardState.DONE, LOGIN_FAILED, CART_SKIPPED), all), Assignment.none().plus(List.of(0)).finished());
    ShardPod idle = withAssignment(pod("p1", "2026-11-21T10:00:30Z", "Succeeded",
        doc(1, 0, ShardState.DONE), all), Assignment.none().finished());
    run.setStatus(running.status());
    TestRunStatus ended = DECIDER.decide(dynamic(run, plan,
        new ShardObservation(0, List.of(), job(0, "Failed", "PodFailurePolicy"), List.of(failed), null),
        new ShardObservation(1, List.of(), job(1, "Complete", "CompletionsReached"), List.of(idle), null))).status();

    assertThat(ended.getPhase()).isEqualTo(Phase.Failed);
    assertThat(ended.getSummary().getFiles()).isEqualTo(3);
    assertThat(ended.getSummary().getSkipped()).as("cart.json skipped by its pod, search.json never handed out").isEqualTo(2);
    assertThat(Conditions.find(ended, Conditions.COMPLETE).getReason()).isEqualTo("FailFast");
  }

  static ShardPod withAssignment(ShardPod pod, Assignment assignment) {
    return new ShardPod(pod.pod(), pod.published(), assignment);
  }

  static ShardPod published(ShardPod pod, ResultsDocument document, List<String> files) {
    String value = ResultsCodec.encode(document);
    return new ShardPod(pod.pod(), new Published(value, ResultsCodec.decode(value, files, "pod"), null), Assignment.none());
  }

  @Test
  void passedFilesAloneSetNoFirstFailure() {
    ShardPod running = pod("p0", "2026-11-21T10:00:00Z", "Running", doc(0, 2, ShardState.RUNNING, passed("login.json")), SHARD0);
    assertThat(decide(failFast(), T1, shard(0, job(0, null, null), running), shard(1, job(1, null, null))).status().getFirstFailedFile())
        .isNull();
  }
}
