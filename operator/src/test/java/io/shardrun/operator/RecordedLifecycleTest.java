package io.shardrun.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.shardrun.core.history.History;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.render.Images;
import io.shardrun.core.render.JobRenderer;
import io.shardrun.core.results.FileResult;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.results.ResultsCodec;
import io.shardrun.core.results.ResultsDocument;
import io.shardrun.core.results.ShardCounts;
import io.shardrun.core.results.ShardState;
import io.shardrun.core.run.RunPlanner;
import io.shardrun.core.suite.Suite;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteParser;
import io.shardrun.crd.v1alpha1.Phase;
import io.shardrun.crd.v1alpha1.ShardStatus;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.crd.v1alpha1.TestRunStatus;
import io.shardrun.operator.decide.Action;
import io.shardrun.operator.decide.Announcement;
import io.shardrun.operator.decide.Conditions;
import io.shardrun.operator.decide.Decision;
import io.shardrun.operator.decide.RunDecider;
import io.shardrun.operator.decide.RunObservation;
import io.shardrun.operator.recorded.RecordedLifecycle;
import io.shardrun.operator.recorded.RecordedLifecycle.WatchEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Status aggregation on what a real API server and Job controller sent (testdata/k8s-recordings):
 * every recorded Job and pod object is fed, in recorded order, to the observe and decide steps,
 * the status each decision writes becoming the next one's status before, as the operator's own
 * writes do. After every object the phase may only move forward.
 */
class RecordedLifecycleTest {
  static final SuiteFiles SUITE_FILES = SuiteFiles.fromDirectory(Path.of("../examples/suite"));
  static final Suite SUITE = SuiteParser.parse(SUITE_FILES).orThrow();
  static final Instant START = Instant.parse("2026-12-02T17:00:00Z");

  /** What each case ends as; the shard message, when set, is the start of shard 0's or 1's message. */
  record Expected(Phase phase, int passed, int failed, String shardMessage) {}

  static final Map<String, Expected> EXPECTED = Map.of(
      "a-success", new Expected(Phase.Succeeded, 2, 0, null),
      "b-tests-failed", new Expected(Phase.Failed, 1, 1, null),
      "c-infra-error-retried", new Expected(Phase.Succeeded, 2, 0, null),
      "d-pod-deleted", new Expected(Phase.Succeeded, 2, 0, null),
      "e-deadline-exceeded", new Expected(Phase.Error, 0, 0, "the shard ran past spec.timeoutSeconds (DeadlineExceeded)"),
      "f-suspended-released", new Expected(Phase.Succeeded, 2, 0, null),
      "g-disruption-target", new Expected(Phase.Succeeded, 2, 0, null),
      "g2-evicted-eviction-api", new Expected(Phase.Succeeded, 2, 0, null));

  static List<String> cases() {
    return RecordedLifecycle.cases();
  }

  @Test
  void everyRecordedCaseIsReplayed() {
    assertThat(EXPECTED.keySet()).containsExactlyInAnyOrderElementsOf(cases());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void thePhaseOnlyMovesForwardAndEndsAsTheJobsSay(String name) {
    RecordedLifecycle recorded = RecordedLifecycle.load(name);
    Replay replay = new Replay(recorded);
    for (WatchEvent event : recorded.events()) {
      replay.apply(event);
      replay.decide(START.plusMillis(event.tMs()));
    }
    Expected expected = EXPECTED.get(name);
    TestRunStatus last = replay.run.getStatus();
    assertThat(last.getPhase()).as(name).isEqualTo(expected.phase());
    assertThat(Conditions.find(last, Conditions.COMPLETE).getReason()).isEqualTo(expected.phase().name());
    assertThat(last.getSummary().getPassed()).as(name + " passed").isEqualTo(expected.passed());
    assertThat(last.getSummary().getFailed()).as(name + " failed").isEqualTo(expected.failed());
    assertThat(last.getShardsFinished()).isEqualTo(last.getShards().size() + "/" + last.getShards().size());
    if (expected.shardMessage() != null) {
      assertThat(last.getShards()).anySatisfy(s -> assertThat(s.getMessage()).startsWith(expected.shardMessage()));
    }
    assertThat(last.getCompletionTime()).isNotNull();
    assertThat(replay.actions).as("the operator created every Job before the recording").noneMatch(a -> a instanceof Action.Create);
    Map<String, Long> events = replay.announced.stream().collect(Collectors.groupingBy(Announcement::reason, Collectors.counting()));
    boolean seeded = replay.seededShard0;
    assertThat(events.getOrDefault("Planned", 0L)).isEqualTo(seeded ? 0 : 1);
    assertThat(events.getOrDefault("Started", 0L)).isEqualTo(seeded ? 0 : 1);
    assertThat(events.getOrDefault("ShardFinished", 0L) + events.getOrDefault("ShardError", 0L)).isEqualTo(1);
    assertThat(events.get(expected.phase().name())).isEqualTo(1);
  }

  @Test
  void aSuspendedShardWaitsForItsSlotAndIsReleasedByTheOperator() {
    Replay replay = new Replay(RecordedLifecycle.load("f-suspended-released"));
    WatchEvent added = replay.recorded.events().get(0);
    replay.apply(added);
    Decision first = replay.decide(START.plusMillis(added.tMs()));
    assertThat(first.actions()).singleElement().isInstanceOfSatisfying(Action.Release.class,
        r -> assertThat(r.job().getMetadata().getName()).isEqualTo("rec-suspended-shard-1"));
    assertThat(replay.run.getStatus().getShards().get(1).getMessage()).isEqualTo("waiting for a slot under spec.parallelism or the operator's cap on running shards");
  }

  /**
   * A shard pod that published its final results and finished, then was deleted before its Job
   * said Complete (a-success, the pod removed right after it turned Succeeded): nothing is lost.
   */
  @Test
  void aFinishedShardsResultsOutliveItsPod() {
    RecordedLifecycle recorded = RecordedLifecycle.load("a-success");
    Replay replay = new Replay(recorded);
    boolean deleted = false;
    for (WatchEvent event : recorded.events()) {
      if (deleted && !event.isJob()) {
        continue; // the pod is gone: no more pod events
      }
      replay.apply(event);
      if (!event.isJob() && "Succeeded".equals(((Pod) event.object()).getStatus().getPhase())) {
        replay.pods.clear();
        deleted = true;
      }
      replay.decide(START.plusMillis(event.tMs()));
    }
    assertThat(deleted).isTrue();
    assertThat(replay.actions).filteredOn(a -> a instanceof Action.KeepResults).hasSize(1);
    assertThat(replay.run.getStatus().getPhase()).isEqualTo(Phase.Succeeded);
    assertThat(replay.run.getStatus().getSummary().getPassed()).isEqualTo(2);
    assertThat(replay.run.getStatus().getByTag()).containsKeys("forms", "home");
  }

  /** The operator's part, played as it does it: its own status writes and kept results are what the next reconcile sees. */
  static final class Replay {
    final RecordedLifecycle recorded;
    final TestRun run;
    final Plan plan;
    final RunFacts facts;
    final Map<String, Job> jobs = new LinkedHashMap<>();
    final Map<String, Pod> pods = new LinkedHashMap<>();
    final RunDecider decider = new RunDecider(new JobRenderer(Images.defaults()));
    final List<Action> actions = new ArrayList<>();
    final List<Announcement> announced = new ArrayList<>();
    final boolean seededShard0;

    Replay(RecordedLifecycle recorded) {
      this.recorded = recorded;
      run = Serialization.clone(recorded.testRun());
      run.getMetadata().setUid("3a1f0c4e-run");
      run.getMetadata().setGeneration(1L);
      plan = RunPlanner.plan(run.getSpec(), SUITE, History.empty(), null);
      facts = new RunFacts(plan, Set.of(), new SuiteTags(SUITE), Map.of());
      Set<String> recordedJobs = recorded.events().stream().filter(WatchEvent::isJob).map(e -> e.object().getMetadata().getName())
          .collect(Collectors.toSet());
      // f-suspended-released recorded only shard 1's Job; shard 0's "would run like a-success": it has finished.
      seededShard0 = !recordedJobs.contains(run.getMetadata().getName() + "-shard-0");
      if (seededShard0) {
        seedFinishedShard0();
      }
    }

    void apply(WatchEvent event) {
      Map<String, ? extends Object> target = event.isJob() ? jobs : pods;
      String name = event.object().getMetadata().getName();
      if ("DELETED".equals(event.type())) {
        target.remove(name);
      } else if (event.object() instanceof Job job) {
        Job owned = Serialization.clone(job);
        owned.getMetadata().setOwnerReferences(List.of(JobRenderer.ownerReference(run))); // as the operator creates it
        jobs.put(name, owned);
      } else {
        pods.put(name, (Pod) event.object());
      }
    }

    Decision decide(Instant now) {
      RunObservation observed = new RunObservation(run, now, null, plan, false, null,
          RunObserver.shards(run, facts, jobs.values(), pods.values()), SUITE_FILES, Set.of());
      Decision decision = decider.decide(observed);
      TestRunStatus before = run.getStatus();
      for (Action action : decision.actions()) {
        if (action instanceof Action.KeepResults keep) {
          facts.kept().put(keep.shard(), keep.results());
        }
      }
      actions.addAll(decision.actions());
      if (decision.status() != null) {
        assertForward(before, decision.status());
        run.setStatus(decision.status());
        announced.addAll(decision.announcements());
      }
      return decision;
    }

    private void seedFinishedShard0() {
      List<String> files = plan.shards().get(0).paths();
      List<FileResult> results = files.stream().map(f -> new FileResult(f, Outcome.PASSED, 2500, SUITE.file(f).meta().tags(), null, null)).toList();
      String doc = ResultsCodec.encode(new ResultsDocument(0, ShardState.DONE, ShardCounts.tally(files.size(), results, 2500), results));
      facts.kept().put(0, KeptResults.decode(doc, files, "seed", f -> List.of()));
      RunObservation observed = new RunObservation(run, START, null, plan, false, null,
          RunObserver.shards(run, facts, List.of(), List.of()), SUITE_FILES, Set.of());
      TestRunStatus status = decider.decide(observed).status();
      ShardStatus shard0 = status.getShards().get(0);
      shard0.setPhase(Phase.Succeeded);
      shard0.setPassed(files.size());
      status.setPhase(Phase.Running);
      status.setStartTime(START.toString());
      run.setStatus(status);
    }
  }

  static void assertForward(TestRunStatus before, TestRunStatus after) {
    Phase was = before == null ? Phase.Pending : before.getPhase();
    assertThat(rank(after.getPhase())).as("run phase after " + was).isGreaterThanOrEqualTo(rank(was));
    if (was.isFinal()) {
      assertThat(after.getPhase()).isEqualTo(was);
    }
    assertThat(after.getStartTime() != null).as("startTime is set exactly when the phase leaves Pending")
        .isEqualTo(after.getPhase() != Phase.Pending);
    if (before != null && before.getStartTime() != null) {
      assertThat(after.getStartTime()).isEqualTo(before.getStartTime());
    }
    Map<Integer, Phase> shardsBefore = new HashMap<>();
    if (before != null) {
      before.getShards().forEach(s -> shardsBefore.put(s.getIndex(), s.getPhase()));
    }
    Predicate<ShardStatus> forward = s -> rank(s.getPhase()) >= rank(shardsBefore.getOrDefault(s.getIndex(), Phase.Pending));
    assertThat(after.getShards()).as("shard phases after " + shardsBefore).allMatch(forward);
  }

  static int rank(Phase phase) {
    return phase == Phase.Pending ? 0 : phase == Phase.Running ? 1 : 2;
  }
}
