package io.shardrun.operator.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.shardrun.core.plan.Assignment;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.PlannedFile;
import io.shardrun.core.plan.PlannedShard;
import io.shardrun.core.plan.WorkUnit;
import io.shardrun.core.render.Images;
import io.shardrun.core.render.JobRenderer;
import io.shardrun.core.results.FileResult;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.results.ResultsCodec;
import io.shardrun.core.results.RunRecord;
import io.shardrun.core.results.RunRecordCodec;
import io.shardrun.core.results.ResultsDocument;
import io.shardrun.core.results.ShardCounts;
import io.shardrun.core.results.ShardState;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.crd.v1alpha1.Phase;
import io.shardrun.crd.v1alpha1.RetriedFile;
import io.shardrun.crd.v1alpha1.Sharding;
import io.shardrun.crd.v1alpha1.SuiteSource;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.crd.v1alpha1.TestRunSpec;
import io.shardrun.crd.v1alpha1.TestRunStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The decide step on hand-made observations: counts, phases, conditions, Events and actions. The
 * recorded lifecycles (RecordedLifecycleTest) check the same step on what a real cluster sends.
 */
class RunDeciderTest {
  static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
  static final Instant T1 = Instant.parse("2026-11-21T10:04:12Z");
  static final List<String> SHARD0 = List.of("login.json", "cart.json");
  static final List<String> SHARD1 = List.of("search.json");
  static final RunDecider DECIDER = new RunDecider(new JobRenderer(Images.defaults()));

  static TestRun run() {
    TestRun run = new TestRun();
    run.getMetadata().setName("nightly");
    run.getMetadata().setNamespace("qa");
    run.getMetadata().setUid("uid-1");
    run.getMetadata().setGeneration(1L);
    run.setSpec(new TestRunSpec());
    return run;
  }

  static Job job(int shard, String condition, String reason) {
    JobBuilder job = new JobBuilder().withNewMetadata().withName("nightly-shard-" + shard)
        .addToLabels("shardrun.io/shard", Integer.toString(shard)).endMetadata().withNewSpec().endSpec();
    if (condition != null) {
      job.withNewStatus().addNewCondition().withType(condition).withStatus("True").withReason(reason).endCondition().endStatus();
    }
    return job.build();
  }

  static ShardPod pod(String name, String created, String phase, ResultsDocument results, List<String> files) {
    Pod pod = new PodBuilder().withNewMetadata().withName(name).withCreationTimestamp(created).endMetadata()
        .withNewStatus().withPhase(phase).endStatus().build();
    if (results == null) {
      return new ShardPod(pod, null);
    }
    String value = ResultsCodec.encode(results);
    return new ShardPod(pod, new Published(value, ResultsCodec.decode(value, files, "pod " + name), null));
  }

  static ResultsDocument doc(int shard, int planned, ShardState state, FileResult... files) {
    List<FileResult> list = List.of(files);
    return new ResultsDocument(shard, state, ShardCounts.tally(planned, list, list.stream().mapToLong(FileResult::durationMs).sum()), list);
  }

  static FileResult passed(String file, String... tags) {
    return new FileResult(file, Outcome.PASSED, 1000, List.of(tags), null, null);
  }

  static FileResult failed(String file, String message) {
    return new FileResult(file, Outcome.FAILED, 2000, List.of("shop"), 3, message);
  }

  static ShardObservation shard(int index, Job job, ShardPod... pods) {
    return new ShardObservation(index, index == 0 ? SHARD0 : SHARD1, job, List.of(pods), null);
  }

  static Decision decide(TestRun run, Instant now, ShardObservation... shards) {
    List<PlannedShard> planned = new ArrayList<>();
    for (ShardObservation s : shards) {
      planned.add(new PlannedShard(s.index(), 0, s.files().stream().map(f -> new PlannedFile(f, 1000)).toList()));
    }
    return DECIDER.decide(new RunObservation(run, now, null, new Plan(Sharding.BALANCED, planned), false, null, List.of(shards),
        SuiteFiles.fromDirectory(Path.of("../examples/suite")), Set.of("cart.json")));
  }

  static List<String> reasons(Decision decision) {
    return decision.announcements().stream().map(Announcement::reason).toList();
  }

  @Test
  void beforeAnyPodRunsTheRunIsPendingWithoutAStartTime() {
    Decision decision = decide(run(), T1, shard(0, job(0, null, null)), shard(1, job(1, null, null)));
    TestRunStatus status = decision.status();
    assertThat(status.getPhase()).isEqualTo(Phase.Pending);
    assertThat(status.getShardsFinished()).isEqualTo("0/2");
    assertThat(status.getStartTime()).isNull();
    assertThat(status.getSummary().getFiles()).isEqualTo(3);
    assertThat(Conditions.find(status, Conditions.READY).getReason()).isEqualTo("JobsCreated");
    assertThat(reasons(decision)).containsExactly("Planned");
  }

  @Test
  void progressPublishedByARunningShardShowsLive() {
    Decision decision = decide(run(), T1,
        shard(0, job(0, null, null), pod("p0", "2026-11-21T10:00:00Z", "Running", doc(0, 2, ShardState.RUNNING, passed("login.json", "smoke")), SHARD0)),
        shard(1, job(1, null, null)));
    TestRunStatus status = decision.status();
    assertThat(status.getPhase()).isEqualTo(Phase.Running);
    assertThat(status.getSummary().getPassed()).isEqualTo(1);
    assertThat(status.getShards()).extracting(s -> s.getPhase()).containsExactly(Phase.Running, Phase.Pending);
    assertThat(status.getStartTime()).isEqualTo(T1.toString());
    assertThat(status.getByTag().get("smoke").getPassed()).isEqualTo(1);
    assertThat(reasons(decision)).containsExactly("Planned", "Started");
  }

  @Test
  void aTestFailureEndsTheRunFailedWithCountsFailuresTagsFlakyAndItsHistory() {
    TestRun run = run();
    run.setStatus(decide(run(), T0, shard(0, job(0, null, null)), shard(1, job(1, null, null))).status());
    run.getStatus().setStartTime(T0.toString());
    run.getStatus().setPhase(Phase.Running);
    Decision decision = decide(run, T1,
        shard(0, job(0, "Failed", "PodFailurePolicy"), pod("p0", "2026-11-21T10:00:00Z", "Failed",
            doc(0, 2, ShardState.DONE, passed("login.json", "smoke"), failed("cart.json", "assertText css=.total: expected 'a' but was 'b'")), SHARD0)),
        shard(1, job(1, "Complete", "CompletionsReached"), pod("p1", "2026-11-21T10:00:00Z", "Succeeded",
            doc(1, 1, ShardState.DONE, passed("search.json", "smoke")), SHARD1)));
    TestRunStatus status = decision.status();
    assertThat(status.getPhase()).isEqualTo(Phase.Failed);
    assertThat(status.getShardsFinished()).isEqualTo("2/2");
    assertThat(status.getSummary().getPassed()).isEqualTo(2);
    assertThat(status.getSummary().getFailed()).isEqualTo(1);
    assertThat(status.getFlakyFiles()).containsExactly("cart.json");
    assertThat(status.getFailures()).singleElement().satisfies(f -> {
      assertThat(f.getFile()).isEqualTo("cart.json");
      assertThat(f.getShard()).isZero();
      assertThat(f.getStep()).isEqualTo(3);
      assertThat(f.getMessage()).contains("expected 'a' but was 'b'");
    });
    assertThat(status.getByTag().get("smoke").getPassed()).isEqualTo(2);
    assertThat(status.getByTag().get("shop").getFailed()).isEqualTo(1);
    assertThat(status.getCompletionTime()).isEqualTo(T1.toString());
    assertThat(status.getDuration()).isEqualTo("4m12s");
    assertThat(Conditions.find(status, Conditions.COMPLETE)).satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo("True");
      assertThat(c.getReason()).isEqualTo("Failed");
      assertThat(c.getMessage()).isEqualTo("2 passed, 1 failed, 0 skipped, 0 errors of 3 files");
    });
    assertThat(reasons(decision)).containsExactly("ShardFinished", "ShardFinished", "Failed"); // it was Running already
    assertThat(decision.finished()).isTrue();
    assertThat(decision.actions()).filteredOn(a -> a instanceof Action.RecordHistory).singleElement()
        .satisfies(a -> assertThat(((Action.RecordHistory) a).results()).hasSize(3));
    assertThat(decision.actions()).filteredOn(a -> a instanceof Action.KeepResults).hasSize(2);
    assertThat(decision.actions()).filteredOn(a -> a instanceof Action.KeepRunRecord).singleElement().satisfies(a -> {
      RunRecord record = RunRecordCodec.decode(((Action.KeepRunRecord) a).value(), "record");
      assertThat(record.run()).isEqualTo("nightly");
      assertThat(record.phase()).isEqualTo("Failed");
      assertThat(record.finishedAt()).isEqualTo(T1.toString());
      assertThat(record.flaky()).containsExactly("cart.json");
      assertThat(record.files()).extracting(RunRecord.Entry::file, RunRecord.Entry::shard, RunRecord.Entry::status)
          .containsExactlyInAnyOrder(tuple("login.json", 0, Outcome.PASSED), tuple("cart.json", 0, Outcome.FAILED),
              tuple("search.json", 1, Outcome.PASSED));
      assertThat(record.files()).filteredOn(f -> f.file().equals("cart.json")).singleElement()
          .satisfies(f -> assertThat(f.message()).contains("expected 'a' but was 'b'"));
    });
  }

  @Test
  void theSameObservationsAfterTheStatusWasWrittenAnnounceNothingAndKeepTheTimes() {
    ShardObservation done = shard(1, job(1, "Complete", "CompletionsReached"), pod("p1", "2026-11-21T10:00:00Z", "Succeeded",
        doc(1, 1, ShardState.DONE, passed("search.json")), SHARD1));
    TestRun run = run();
    Decision first = decide(run, T1, done);
    run.setStatus(first.status());
    ShardObservation kept = new ShardObservation(1, SHARD1, done.job(), done.pods(), done.pods().get(0).published());
    Decision second = decide(run, T1.plusSeconds(3600), kept);
    assertThat(second.announcements()).isEmpty();
    assertThat(second.finished()).isFalse();
    assertThat(second.actions()).noneMatch(a -> a instanceof Action.KeepResults);
    assertThat(Conditions.find(second.status(), Conditions.COMPLETE).getLastTransitionTime()).isEqualTo(T1.toString());
    assertThat(second.status().getCompletionTime()).isEqualTo(T1.toString());
    assertThat(second.status().getDuration()).isEqualTo(first.status().getDuration());
  }

  @Test
  void aShardPastItsDeadlineIsAnErrorWithTheReasonAndItsPartialResultsCount() {
    Decision decision = decide(run(), T1,
        shard(0, job(0, "Failed", "DeadlineExceeded"), pod("p0", "2026-11-21T10:00:00Z", "Failed",
            doc(0, 2, ShardState.RUNNING, passed("login.json")), SHARD0)),
        shard(1, job(1, "Complete", "CompletionsReached"), pod("p1", "2026-11-21T10:00:00Z", "Succeeded",
            doc(1, 1, ShardState.DONE, passed("search.json")), SHARD1)));
    assertThat(decision.status().getPhase()).isEqualTo(Phase.Error);
    assertThat(decision.status().getShards().get(0).getMessage()).isEqualTo("the shard ran past spec.timeoutSeconds (DeadlineExceeded)");
    assertThat(Conditions.find(decision.status(), Conditions.COMPLETE).getMessage()).startsWith("shard 0: the shard ran past");
    assertThat(decision.status().getSummary().getPassed()).isEqualTo(2);
    assertThat(reasons(decision)).contains("ShardError", "Error");
  }

  @Test
  void anInfrastructureFailureSaysWhatTheExecutorOfTheLastAttemptSaid() {
    Pod lastAttempt = new PodBuilder().withNewMetadata().withName("p0-b").withCreationTimestamp("2026-11-21T10:01:00Z").endMetadata()
        .withNewStatus().withPhase("Failed").addToContainerStatuses(new ContainerStatusBuilder().withName("executor")
            .withNewState().withNewTerminated().withExitCode(2).withMessage("cannot write results into pod qa/p0-b: HTTP 422 Invalid: "
                + "denied request\n").endTerminated().endState().build()).endStatus().build();
    Decision decision = decide(run(), T1, shard(0, job(0, "Failed", "BackoffLimitExceeded"),
        pod("p0-a", "2026-11-21T10:00:00Z", "Failed", null, SHARD0), new ShardPod(lastAttempt, null)));
    assertThat(decision.status().getShards().get(0).getMessage()).isEqualTo("the shard's pod failed more often than spec.retries"
        + " allows (BackoffLimitExceeded): an infrastructure failure; last attempt: cannot write results into pod qa/p0-b: HTTP 422"
        + " Invalid: denied request");
  }

  @Test
  void aShardThatFinishedWithoutResultsIsAnError() {
    Decision decision = decide(run(), T1, shard(1, job(1, "Complete", "CompletionsReached")));
    assertThat(decision.status().getPhase()).isEqualTo(Phase.Error);
    assertThat(decision.status().getShards().get(0).getMessage())
        .isEqualTo("the shard finished without publishing its results (pod gone or executor killed)");
  }

  @Test
  void aMalformedAnnotationIsReportedOnItsShardAndTheOthersStillCount() {
    Pod bad = new PodBuilder().withNewMetadata().withName("p0").withCreationTimestamp("2026-11-21T10:00:00Z").endMetadata()
        .withNewStatus().withPhase("Succeeded").endStatus().build();
    Decision decision = decide(run(), T1,
        shard(0, job(0, "Complete", "CompletionsReached"), new ShardPod(bad, new Published("{\"version\": 9}", null,
            "unreadable result annotation: pod p0: unsupported result version 9; expected 1"))),
        shard(1, job(1, "Complete", "CompletionsReached"), pod("p1", "2026-11-21T10:00:00Z", "Succeeded",
            doc(1, 1, ShardState.DONE, passed("search.json")), SHARD1)));
    assertThat(decision.status().getShards().get(0).getPhase()).isEqualTo(Phase.Error);
    assertThat(decision.status().getShards().get(0).getMessage()).startsWith("unreadable result annotation: pod p0");
    assertThat(decision.status().getShards().get(1).getPhase()).isEqualTo(Phase.Succeeded);
    assertThat(decision.status().getSummary().getPassed()).isEqualTo(1);
    assertThat(decision.status().getPhase()).isEqualTo(Phase.Error);
  }

  @Test
  void theNewestFinalDocumentOfARetriedShardIsTheOneThatCounts() {
    Decision decision = decide(run(), T1, shard(1, job(1, "Complete", "CompletionsReached"),
        pod("p1-old", "2026-11-21T10:00:00Z", "Failed", doc(1, 1, ShardState.RUNNING), SHARD1),
        pod("p1-new", "2026-11-21T10:02:00Z", "Succeeded", doc(1, 1, ShardState.DONE, passed("search.json")), SHARD1)));
    assertThat(decision.status().getPhase()).isEqualTo(Phase.Succeeded);
    assertThat(decision.status().getSummary().getPassed()).isEqualTo(1);
  }

  @Test
  void aDynamicRunShowsTheFilesALostPodHeldUnfinishedWithTheirAttemptsAlsoOnceThatPodIsGone() {
    List<WorkUnit> units = List.of(new WorkUnit(0, List.of(new PlannedFile("login.json", 1000), new PlannedFile("cart.json", 1000))),
        new WorkUnit(1, List.of(new PlannedFile("search.json", 1000))));
    Plan plan = new Plan(Sharding.DYNAMIC, List.of(new PlannedShard(0, 0, List.of()), new PlannedShard(1, 0, List.of())), units);
    ShardPod lost = new ShardPod(pod("p0-lost", "2026-11-21T10:00:00Z", "Failed", null, List.of()).pod(), null,
        Assignment.none().plus(List.of(0)));
    ShardPod replacement = new ShardPod(pod("p0-new", "2026-11-21T10:01:00Z", "Running", null, List.of()).pod(), null,
        Assignment.none());
    ShardPod other = new ShardPod(pod("p1", "2026-11-21T10:00:00Z", "Running", null, List.of()).pod(), null,
        Assignment.none().plus(List.of(1)));
    TestRun run = run();

    TestRunStatus seen = DECIDER.decide(dynamic(run, plan, new ShardObservation(0, List.of(), job(0, null, null), List.of(lost, replacement), null),
        new ShardObservation(1, List.of(), job(1, null, null), List.of(other), null))).status();
    run.setStatus(seen);
    TestRunStatus later = DECIDER.decide(dynamic(run, plan, new ShardObservation(0, List.of(), job(0, null, null), List.of(replacement), null),
        new ShardObservation(1, List.of(), job(1, null, null), List.of(other), null))).status();

    assertThat(seen.getRetriedFiles()).extracting(RetriedFile::getFile, RetriedFile::getAttempts)
        .containsExactly(tuple("cart.json", 2), tuple("login.json", 2));
    assertThat(later.getRetriedFiles()).usingRecursiveFieldByFieldElementComparator().isEqualTo(seen.getRetriedFiles());
  }

  @Test
  void whenTheWorkIsDoneAShardWhosePodNeverAskedIsRetiredAndTheRunEndsWithoutIt() {
    Plan plan = new Plan(Sharding.DYNAMIC, List.of(new PlannedShard(0, 0, List.of()), new PlannedShard(1, 0, List.of())),
        List.of(new WorkUnit(0, List.of(new PlannedFile("login.json", 1000))), new WorkUnit(1, List.of(new PlannedFile("search.json", 1000)))));
    List<String> both = List.of("login.json", "search.json");
    ShardPod worked = pod("p0", "2026-11-21T10:00:00Z", "Succeeded", doc(0, 2, ShardState.DONE, passed("login.json"), passed("search.json")), both);
    worked = new ShardPod(worked.pod(), worked.published(), Assignment.none().plus(List.of(0)).plus(List.of(1)).finished());
    ShardPod late = pod("p1", "2026-11-21T10:03:00Z", "Pending", null, List.of());
    TestRun run = run();

    Decision first = DECIDER.decide(dynamic(run, plan, new ShardObservation(0, both, job(0, "Complete", "CompletionsReached"), List.of(worked), null),
        new ShardObservation(1, List.of(), job(1, null, null), List.of(late), null)));
    Job retired = job(1, null, null);
    retired.getMetadata().setAnnotations(java.util.Map.of(Action.Retire.ANNOTATION, Action.Retire.WHY));
    retired.getSpec().setSuspend(true);
    Decision next = DECIDER.decide(dynamic(run, plan, new ShardObservation(0, both, job(0, "Complete", "CompletionsReached"), List.of(worked), null),
        new ShardObservation(1, List.of(), retired, List.of(), null)));

    assertThat(first.actions()).filteredOn(a -> a instanceof Action.Retire).extracting(a -> ((Action.Retire) a).job().getMetadata().getName())
        .containsExactly("nightly-shard-1");
    assertThat(first.status().getPhase()).isEqualTo(Phase.Running);
    assertThat(next.actions()).noneMatch(a -> a instanceof Action.Retire || a instanceof Action.Release);
    assertThat(next.status().getShards().get(1).getPhase()).isEqualTo(Phase.Succeeded);
    assertThat(next.status().getShards().get(1).getMessage()).isEqualTo(Action.Retire.WHY);
    assertThat(next.status().getPhase()).isEqualTo(Phase.Succeeded);
    assertThat(next.status().getSummary().getPassed()).isEqualTo(2);
  }

  static RunObservation dynamic(TestRun run, Plan plan, ShardObservation... shards) {
    return new RunObservation(run, T1, null, plan, false, null, List.of(shards), SuiteFiles.fromDirectory(Path.of("../examples/suite")),
        Set.of());
  }

  @Test
  void failuresAreCappedAtFiftyWithTheRestCounted() {
    List<String> files = IntStream.range(0, 70).mapToObj(i -> "f" + i + ".json").toList();
    FileResult[] results = files.stream().map(f -> failed(f, "boom")).toArray(FileResult[]::new);
    ShardObservation shard = new ShardObservation(0, files, job(0, "Failed", "PodFailurePolicy"),
        List.of(pod("p0", "2026-11-21T10:00:00Z", "Failed", doc(0, 70, ShardState.DONE, results), files)), null);
    Decision decision = decide(run(), T1, shard);
    assertThat(decision.status().getFailures()).hasSize(50);
    assertThat(decision.status().getFailuresOmitted()).isEqualTo(20);
  }

  @Test
  void aMissingJobOfAnUnfinishedShardIsCreatedAndAFinishedShardsIsNot() {
    TestRun run = run();
    run.getSpec().setSuite(new SuiteSource());
    run.getSpec().getSuite().setConfigMap("demo-suite");
    Decision first = decide(run, T1, shard(0, null), shard(1, job(1, "Complete", "CompletionsReached"),
        pod("p1", "2026-11-21T10:00:00Z", "Succeeded", doc(1, 1, ShardState.DONE, passed("search.json")), SHARD1)));
    assertThat(first.actions()).filteredOn(a -> a instanceof Action.Create)
        .extracting(a -> ((Action.Create) a).object().getMetadata().getName()).containsExactly("nightly-shard-0");
    run.setStatus(first.status());
    ShardObservation gone = new ShardObservation(1, SHARD1, null, List.of(), null); // its Job deleted after it finished
    Decision second = decide(run, T1, shard(0, job(0, null, null)), gone);
    assertThat(second.actions()).noneMatch(a -> a instanceof Action.Create);
    assertThat(second.status().getShards().get(1).getPhase()).isEqualTo(Phase.Succeeded);
  }

  @Test
  void aWaitingRunWarnsOnceForTheSameReasonAndAgainWhenItChanges() {
    TestRun run = run();
    Decision first = DECIDER.decide(RunObservation.blocked(run, T0, new Blocker.Waiting("SuiteNotFound", "ConfigMap demo-suite is missing")));
    assertThat(first.status().getPhase()).isEqualTo(Phase.Pending);
    assertThat(first.requeueAfter()).isEqualTo(RunDecider.WAIT_POLL);
    assertThat(reasons(first)).containsExactly("SuiteNotFound");
    run.setStatus(first.status());
    assertThat(DECIDER.decide(RunObservation.blocked(run, T1, new Blocker.Waiting("SuiteNotFound", "ConfigMap demo-suite is missing")))
        .announcements()).isEmpty();
    assertThat(reasons(DECIDER.decide(RunObservation.blocked(run, T1, new Blocker.Waiting("SuiteInvalid", "bad.json: steps[0]")))))
        .containsExactly("SuiteInvalid");
  }

  @Test
  void aRefusedRunEndsInErrorOnceWithTheReason() {
    Decision decision = DECIDER.decide(RunObservation.blocked(run(), T0, new Blocker.Refused("InvalidSpec", "spec.shards: must be 1 or more")));
    TestRunStatus status = decision.status();
    assertThat(status.getPhase()).isEqualTo(Phase.Error);
    assertThat(status.getCompletionTime()).isEqualTo(T0.toString());
    assertThat(Conditions.find(status, Conditions.READY).getStatus()).isEqualTo("False");
    assertThat(Conditions.find(status, Conditions.COMPLETE).getReason()).isEqualTo("InvalidSpec");
    assertThat(decision.announcements()).containsExactly(Announcement.warning("InvalidSpec", "spec.shards: must be 1 or more"));
    assertThat(decision.finished()).isTrue();
  }

  @Test
  void shardsBeyondParallelismAreReleasedLowestFirstAsSlotsFree() {
    TestRun run = run();
    run.getSpec().setParallelism(1);
    Job suspended = new JobBuilder(job(1, null, null)).editSpec().withSuspend(true).endSpec().build();
    Decision busy = decide(run, T1, shard(0, job(0, null, null)), shard(1, suspended));
    assertThat(busy.actions()).noneMatch(a -> a instanceof Action.Release);
    assertThat(busy.status().getShards().get(1).getMessage()).isEqualTo("waiting for a slot under spec.parallelism or the operator's cap on running shards");
    Decision free = decide(run, T1, shard(0, job(0, "Complete", "CompletionsReached")), shard(1, suspended));
    assertThat(free.actions()).filteredOn(a -> a instanceof Action.Release).singleElement()
        .satisfies(a -> assertThat(((Action.Release) a).job().getMetadata().getName()).isEqualTo("nightly-shard-1"));
  }

  @Test
  void aFinishedRunsJobsAreDeletedOnceItsTtlHasPassed() {
    TestRun run = run();
    run.getSpec().setTtlSecondsAfterFinished(60);
    run.setStatus(new TestRunStatus());
    run.getStatus().setPhase(Phase.Succeeded);
    run.getStatus().setCompletionTime(T0.toString());
    List<Job> jobs = List.of(job(0, "Complete", "CompletionsReached"));
    Decision early = DECIDER.afterFinish(run, jobs, T0.plusSeconds(20));
    assertThat(early.actions()).isEmpty();
    assertThat(early.requeueAfter()).hasSeconds(40);
    assertThat(early.status()).isNull();
    assertThat(DECIDER.afterFinish(run, jobs, T0.plusSeconds(60)).actions()).singleElement().isInstanceOf(Action.DeleteJob.class);
  }

  @Test
  void aPlanTooLargeForItsConfigMapEndsTheRunInError() {
    List<String> files = IntStream.range(0, 12_000).mapToObj(i -> "a-rather-long-folder-name/and-a-long-file-name-" + i + ".json").toList();
    TestRun run = run();
    run.getSpec().setSuite(new SuiteSource());
    run.getSpec().getSuite().setConfigMap("demo-suite");
    Plan plan = new Plan(Sharding.BALANCED, List.of(new PlannedShard(0, 0, files.stream().map(f -> new PlannedFile(f, 1000)).toList())));
    Decision decision = DECIDER.decide(new RunObservation(run, T0, null, plan, true, null,
        List.of(new ShardObservation(0, files, null, List.of(), null)), SuiteFiles.fromDirectory(Path.of("../examples/suite")), Set.of()));
    assertThat(decision.status().getPhase()).isEqualTo(Phase.Error);
    assertThat(Conditions.find(decision.status(), Conditions.COMPLETE).getReason()).isEqualTo("SuiteInvalid");
    assertThat(Conditions.find(decision.status(), Conditions.COMPLETE).getMessage()).contains("does not fit in a 1 MiB ConfigMap");
    assertThat(decision.actions()).isEmpty();
  }
}
