package io.shardrun.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.shardrun.core.results.FileResult;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.results.ResultsCodec;
import io.shardrun.core.results.ResultsDocument;
import io.shardrun.core.results.ShardCounts;
import io.shardrun.core.results.ShardState;
import io.shardrun.crd.v1alpha1.Phase;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.crd.v1alpha1.TestRunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StatusAggregatorTest {
  static final String T0 = "2026-11-21T10:00:00Z";
  static final String T1 = "2026-11-21T10:04:12Z";
  static final List<String> SHARD0 = List.of("login.json", "cart.json");
  static final List<String> SHARD1 = List.of("search.json");

  static TestRun run() {
    TestRun run = new TestRun();
    run.getMetadata().setName("nightly");
    run.getMetadata().setGeneration(1L);
    return run;
  }

  static Job job(int shard, String condition, String reason) {
    JobBuilder job = new JobBuilder().withNewMetadata().withName("nightly-shard-" + shard).endMetadata().withNewSpec().endSpec();
    if (condition != null) {
      job.withNewStatus().addNewCondition().withType(condition).withStatus("True").withReason(reason).endCondition().endStatus();
    }
    return job.build();
  }

  static Pod pod(String name, String created, String phase, ResultsDocument results) {
    PodBuilder pod = new PodBuilder().withNewMetadata().withName(name).withCreationTimestamp(created).endMetadata()
        .withNewStatus().withPhase(phase).endStatus();
    if (results != null) {
      pod.editMetadata().addToAnnotations(ResultsCodec.ANNOTATION, ResultsCodec.encode(results)).endMetadata();
    }
    return pod.build();
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

  static TestRunStatus aggregate(TestRun run, ShardObservation... shards) {
    return StatusAggregator.aggregate(run, List.of(shards), f -> List.of(), Set.of("cart.json"), T1);
  }

  @Test
  void beforeAnyJobRunsTheRunIsPendingWithoutAStartTime() {
    TestRunStatus status = aggregate(run(),
        new ShardObservation(0, SHARD0, null, List.of()), new ShardObservation(1, SHARD1, null, List.of()));
    assertThat(status.getPhase()).isEqualTo(Phase.Pending);
    assertThat(status.getShardsFinished()).isEqualTo("0/2");
    assertThat(status.getStartTime()).isNull();
    assertThat(status.getSummary().getFiles()).isEqualTo(3);
  }

  @Test
  void progressPublishedByARunningShardShowsLive() {
    TestRunStatus status = aggregate(run(),
        new ShardObservation(0, SHARD0, job(0, null, null), List.of(pod("p0", T0, "Running",
            doc(0, 2, ShardState.RUNNING, passed("login.json", "smoke"))))),
        new ShardObservation(1, SHARD1, job(1, null, null), List.of()));
    assertThat(status.getPhase()).isEqualTo(Phase.Running);
    assertThat(status.getSummary().getPassed()).isEqualTo(1);
    assertThat(status.getShards()).extracting(s -> s.getPhase()).containsExactly(Phase.Running, Phase.Pending);
    assertThat(status.getStartTime()).isEqualTo(T1);
    assertThat(status.getByTag().get("smoke").getPassed()).isEqualTo(1);
  }

  @Test
  void aTestFailureEndsTheRunFailedWithCountsFailuresTagsAndFlaky() {
    TestRunStatus previous = new TestRunStatus();
    previous.setStartTime(T0);
    TestRun run = run();
    run.setStatus(previous);
    TestRunStatus status = aggregate(run,
        new ShardObservation(0, SHARD0, job(0, "Failed", "PodFailurePolicy"), List.of(pod("p0", T0, "Failed",
            doc(0, 2, ShardState.DONE, passed("login.json", "smoke"), failed("cart.json", "steps[3] assertText css=.total: expected 'a' but was 'b'"))))),
        new ShardObservation(1, SHARD1, job(1, "Complete", null), List.of(pod("p1", T0, "Succeeded",
            doc(1, 1, ShardState.DONE, passed("search.json", "smoke"))))));
    assertThat(status.getPhase()).isEqualTo(Phase.Failed);
    assertThat(status.getShardsFinished()).isEqualTo("2/2");
    assertThat(status.getSummary().getPassed()).isEqualTo(2);
    assertThat(status.getSummary().getFailed()).isEqualTo(1);
    assertThat(status.getSummary().getFlaky()).isEqualTo(1);
    assertThat(status.getFlakyFiles()).containsExactly("cart.json");
    assertThat(status.getFailures()).singleElement().satisfies(f -> {
      assertThat(f.getFile()).isEqualTo("cart.json");
      assertThat(f.getShard()).isZero();
      assertThat(f.getStep()).isEqualTo(3);
      assertThat(f.getMessage()).contains("expected 'a' but was 'b'");
    });
    assertThat(status.getByTag().get("smoke").getPassed()).isEqualTo(2);
    assertThat(status.getByTag().get("shop").getFailed()).isEqualTo(1);
    assertThat(status.getStartTime()).isEqualTo(T0);
    assertThat(status.getCompletionTime()).isEqualTo(T1);
    assertThat(status.getDuration()).isEqualTo("4m12s");
    assertThat(status.getConditions()).singleElement().satisfies(c -> {
      assertThat(c.getType()).isEqualTo("Complete");
      assertThat(c.getStatus()).isEqualTo("True");
      assertThat(c.getReason()).isEqualTo("Failed");
      assertThat(c.getMessage()).isEqualTo("2 passed, 1 failed, 0 skipped, 0 errors of 3 files");
    });
  }

  @Test
  void aShardPastItsDeadlineEndsTheRunInErrorWithTheReason() {
    TestRunStatus status = aggregate(run(),
        new ShardObservation(0, SHARD0, job(0, "Failed", "DeadlineExceeded"), List.of(pod("p0", T0, "Failed",
            doc(0, 2, ShardState.RUNNING, passed("login.json"))))),
        new ShardObservation(1, SHARD1, job(1, "Complete", null), List.of(pod("p1", T0, "Succeeded",
            doc(1, 1, ShardState.DONE, passed("search.json"))))));
    assertThat(status.getPhase()).isEqualTo(Phase.Error);
    assertThat(status.getShards().get(0).getMessage()).isEqualTo("the shard ran past spec.timeoutSeconds (DeadlineExceeded)");
    assertThat(status.getConditions().get(0).getMessage()).startsWith("shard 0: the shard ran past spec.timeoutSeconds");
    assertThat(status.getSummary().getPassed()).as("partial results still count").isEqualTo(2);
  }

  @Test
  void aShardThatFinishedWithoutResultsIsAnError() {
    TestRunStatus status = aggregate(run(),
        new ShardObservation(1, SHARD1, job(1, "Complete", null), List.of()));
    assertThat(status.getPhase()).isEqualTo(Phase.Error);
    assertThat(status.getShards().get(0).getMessage())
        .isEqualTo("the shard finished without publishing its results (pod gone or executor killed)");
  }

  @Test
  void aMalformedAnnotationIsReportedOnItsShardAndTheOthersStillCount() {
    Pod bad = new PodBuilder().withNewMetadata().withName("p0").withCreationTimestamp(T0)
        .addToAnnotations(ResultsCodec.ANNOTATION, "{\"version\": 9}").endMetadata().build();
    TestRunStatus status = aggregate(run(),
        new ShardObservation(0, SHARD0, job(0, "Complete", null), List.of(bad)),
        new ShardObservation(1, SHARD1, job(1, "Complete", null), List.of(pod("p1", T0, "Succeeded",
            doc(1, 1, ShardState.DONE, passed("search.json"))))));
    assertThat(status.getShards().get(0).getPhase()).isEqualTo(Phase.Error);
    assertThat(status.getShards().get(0).getMessage()).startsWith("unreadable result annotation: pod p0");
    assertThat(status.getShards().get(1).getPhase()).isEqualTo(Phase.Succeeded);
    assertThat(status.getSummary().getPassed()).isEqualTo(1);
    assertThat(status.getPhase()).isEqualTo(Phase.Error);
  }

  @Test
  void theNewestPodOfARetriedShardIsTheOneThatCounts() {
    TestRunStatus status = aggregate(run(),
        new ShardObservation(1, SHARD1, job(1, "Complete", null), List.of(
            pod("p1-new", "2026-11-21T10:02:00Z", "Succeeded", doc(1, 1, ShardState.DONE, passed("search.json"))),
            pod("p1-old", T0, "Failed", doc(1, 1, ShardState.RUNNING)))));
    assertThat(status.getPhase()).isEqualTo(Phase.Succeeded);
    assertThat(status.getSummary().getPassed()).isEqualTo(1);
  }

  @Test
  void failuresAreCappedAtFiftyWithTheRestCounted() {
    List<String> files = IntStream.range(0, 70).mapToObj(i -> "f" + i + ".json").toList();
    List<FileResult> results = new ArrayList<>();
    files.forEach(f -> results.add(failed(f, "boom")));
    ResultsDocument doc = doc(0, 70, ShardState.DONE, results.toArray(FileResult[]::new));
    TestRunStatus status = aggregate(run(),
        new ShardObservation(0, files, job(0, "Failed", "PodFailurePolicy"), List.of(pod("p0", T0, "Failed", doc))));
    assertThat(status.getFailures()).hasSize(50);
    assertThat(status.getFailuresOmitted()).isEqualTo(20);
  }

  @Test
  void theSameObservationsGiveTheSameStatusAndKeepTransitionTimes() {
    ShardObservation shard = new ShardObservation(1, SHARD1, job(1, "Complete", null), List.of(pod("p1", T0, "Succeeded",
        doc(1, 1, ShardState.DONE, passed("search.json")))));
    TestRun run = run();
    TestRunStatus first = aggregate(run, shard);
    run.setStatus(first);
    TestRunStatus second = StatusAggregator.aggregate(run, List.of(shard), f -> List.of(), Set.of(), "2026-11-21T11:00:00Z");
    assertThat(second.getConditions().get(0).getLastTransitionTime()).isEqualTo(T1);
    assertThat(second.getCompletionTime()).isEqualTo(T1);
    assertThat(second.getDuration()).isEqualTo(first.getDuration());
  }
}
