package io.shardrun.operator.decide;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.shardrun.core.Durations;
import io.shardrun.core.render.JobRenderer;
import io.shardrun.core.render.Labels;
import io.shardrun.core.render.Names;
import io.shardrun.core.render.RenderedRun;
import io.shardrun.core.suite.SuiteException;
import io.shardrun.core.plan.BatchPolicy;
import io.shardrun.core.plan.WorkUnit;
import io.shardrun.core.results.Event;
import io.shardrun.core.results.FailFastStop;
import io.shardrun.core.results.RelayedEvents;
import io.shardrun.core.results.StartTogether;
import io.shardrun.core.results.RunRecord;
import io.shardrun.core.results.RunRecordCodec;
import io.shardrun.crd.v1alpha1.Phase;
import io.shardrun.crd.v1alpha1.Sharding;
import io.shardrun.crd.v1alpha1.ShardStatus;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.crd.v1alpha1.TestRunStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.Collectors;

/**
 * The decide step of a reconcile, a pure function of what was observed: the run's new status
 * (with its conditions), the Events of the transitions from the status last written, and the
 * actions to take. It is the one owner of the conditions and of the Events, so each is set and
 * announced in one place.
 */
public final class RunDecider {
  /** How often a run that waits (for its suite, for the run it reruns) looks again. */
  public static final Duration WAIT_POLL = Duration.ofSeconds(15);
  /**
   * How often a run the operator's cap holds back looks again: a slot frees when another run's
   * Job ends, an event of that run, not of this one.
   */
  public static final Duration CAP_POLL = Duration.ofSeconds(2);
  /** What ConfigMap NAME-results may hold: Kubernetes' 1 MiB object limit, less room for its metadata. */
  static final int RESULTS_ROOM_CHARS = 1024 * 1024 - 16 * 1024;

  private final JobRenderer renderer;

  public RunDecider(JobRenderer renderer) {
    this.renderer = renderer;
  }

  /** The next step of a run that has not finished. */
  public Decision decide(RunObservation observed) {
    if (observed.blocker() != null) {
      return blocked(observed);
    }
    TestRun run = observed.run();
    TestRunStatus before = run.getStatus();
    Map<Integer, ShardStatus> shardsBefore = before == null ? Map.of()
        : before.getShards().stream().collect(Collectors.toMap(ShardStatus::getIndex, Function.identity(), (a, b) -> a));
    List<ShardProgress.Next> shards = observed.shards().stream()
        .map(shard -> ShardProgress.next(shard, shardsBefore.get(shard.index()))).toList();

    List<Action> actions;
    try {
      actions = new ArrayList<>(creations(observed, shards));
    } catch (SuiteException e) { // a plan too large for its ConfigMap: no retry helps
      return blocked(observed.refused("SuiteInvalid", e.getMessage()));
    }
    boolean dynamic = observed.plan().sharding() == Sharding.DYNAMIC;
    FirstFailure firstFailure = FirstFailure.of(before, shards, observed.now());
    String stoppedBy = run.getSpec().failsFast() && firstFailure != null ? firstFailure.file() : null;
    List<DynamicWork.PodView> pods = dynamic
        ? observed.shards().stream().flatMap(s -> s.pods().stream()).map(DynamicWork::view).toList() : List.of();
    // A stopped run hands out no more work: what no pod holds or finished is left out.
    List<WorkUnit> units = !dynamic ? List.of() : stoppedBy == null ? observed.plan().units() : handedOut(observed.plan().units(), pods);
    List<Action.Retire> retirements = new ArrayList<>(dynamic ? retirements(observed, units) : List.of());
    SynchronizedStart start = run.getSpec().startsTogether() ? SynchronizedStart.of(run, observed.shards(), observed.now()) : null;
    if (start != null && start.at() != null) {
      actions.addAll(tell(observed.shards(), StartTogether.ANNOTATION, start.at()));
    } else if (start != null && !start.notReady().isEmpty()) {
      retirements.addAll(unended(observed.shards(), retirements, start.why(run.getSpec().startTogetherTimeout()), j -> true));
    }
    List<Event> events = events(observed.shards());
    if (!events.isEmpty()) { // each pod reads the run's events from its own pod, for its waitForEvent steps
      actions.addAll(tell(observed.shards(), RelayedEvents.ANNOTATION, RelayedEvents.encode(events)));
    }
    if (stoppedBy != null) {
      actions.addAll(tell(observed.shards(), FailFastStop.ANNOTATION, stoppedBy));
      retirements.addAll(unended(observed.shards(), retirements, Action.Retire.failFast(stoppedBy), JobState::suspended));
    } else {
      actions.addAll(releases(run, observed.shards(), retirements.stream().map(Action.Retire::job).toList(), observed.capRoom()));
    }
    actions.addAll(retirements);
    shards.stream().filter(s -> s.keep() != null).forEach(s -> actions.add(new Action.KeepResults(s.status().getIndex(), s.keep())));
    if (dynamic) {
      DynamicWork.grants(units, pods, observed.plan().jobShards().size(), BatchPolicy.of(run.getSpec().getBatch()))
          .forEach(grant -> actions.add(new Action.Assign(grant)));
    }

    String now = timestamp(observed.now());
    TestRunStatus status = new TestRunStatus();
    status.setObservedGeneration(generation(run));
    status.setShards(new ArrayList<>(shards.stream().map(ShardProgress.Next::status).toList()));
    RunCounts.fill(status, shards, observed.flakyInHistory());
    if (!observed.plan().variantsOrNone().isEmpty()) {
      status.getSummary().setVariants(observed.plan().variantsOrNone().sets().size());
    }
    if (dynamic) {
      status.getSummary().setFiles(observed.plan().fileCount()); // no file is a shard's before it is handed out
      status.setRetriedFiles(RunCounts.retried(before, DynamicWork.retried(observed.plan().units(), pods)));
    }
    long finished = status.getShards().stream().filter(s -> s.getPhase().isFinal()).count();
    status.setShardsFinished(finished + "/" + shards.size());
    Phase phase = phase(status.getShards(), phaseOf(before));
    status.setPhase(phase);
    status.setStartedTogetherTime(start == null ? null : start.at());
    status.setPeakRunningShards(peakRunning(before, observed.shards(), actions));
    if (firstFailure != null) {
      status.setFirstFailureTime(firstFailure.time());
      status.setFirstFailedFile(firstFailure.file());
    }
    if (stoppedBy != null && phase.isFinal()) { // files no shard ran: never handed out, or of shards not started
      var summary = status.getSummary();
      int counted = summary.getPassed() + summary.getFailed() + summary.getSkipped() + summary.getErrored();
      summary.setSkipped(summary.getSkipped() + Math.max(0, summary.getFiles() - counted));
    }
    status.setStartTime(before != null && before.getStartTime() != null ? before.getStartTime() : phase == Phase.Pending ? null : now);
    status.setCompletionTime(!phase.isFinal() ? null : before != null && before.getCompletionTime() != null ? before.getCompletionTime() : now);
    if (status.getStartTime() != null) {
      String end = status.getCompletionTime() != null ? status.getCompletionTime() : now;
      status.setDuration(Durations.format(Duration.between(Instant.parse(status.getStartTime()), Instant.parse(end)).toMillis()));
    }
    String plan = Names.planConfigMap(run.getMetadata().getName());
    setConditions(status, before, run, now, new Want(true, "JobsCreated", "plan " + plan + " and " + shards.size() + " shard Jobs exist"),
        completion(status, stoppedBy));
    queued(status, before, observed, actions, generation(run), now);
    if (phase.isFinal()) {
      actions.add(new Action.RecordHistory(RunCounts.files(shards), now)); // before the final status, which ends the reconciles
      actions.add(new Action.KeepRunRecord(runRecord(run, status, shards, observed.flakyInHistory())));
    }
    List<Announcement> announcements = announcements(before, status, observed);
    Integer ttl = run.getSpec().getTtlSecondsAfterFinished();
    Duration requeue = phase.isFinal() && ttl != null ? Duration.ofSeconds(Math.max(1, ttl))
        : !phase.isFinal() && observed.capRoom() != null && held(observed, actions) + created(actions) > 0 ? CAP_POLL
        : !phase.isFinal() && start != null && start.at() == null && start.notReady().isEmpty() ? start.left() : null;
    return new Decision(actions, status, announcements, phase.isFinal() && !phaseOf(before).isFinal(), requeue);
  }

  /**
   * Every file's result of the finished run, in as much of ConfigMap NAME-results as the shards'
   * own kept documents leave free.
   */
  private static String runRecord(TestRun run, TestRunStatus status, List<ShardProgress.Next> shards, Set<String> flakyInHistory) {
    List<RunRecord.Entry> files = shards.stream().filter(s -> s.results() != null)
        .flatMap(s -> s.results().files().stream().map(f -> RunRecord.Entry.of(s.status().getIndex(), f))).toList();
    List<String> flaky = files.stream().map(RunRecord.Entry::file).filter(flakyInHistory::contains).distinct().toList();
    RunRecord record = new RunRecord(run.getMetadata().getName(), status.getPhase().name(), status.getStartTime(),
        status.getCompletionTime(), flaky, files);
    int kept = shards.stream().filter(s -> s.results() != null).mapToInt(s -> s.results().value().length()).sum();
    return RunRecordCodec.encode(record, RESULTS_ROOM_CHARS - kept);
  }

  /**
   * What a finished run still does: delete its Jobs (and so their pods) once
   * spec.ttlSecondsAfterFinished has passed since its completion, and until then look again when
   * it will have. Its status stays as it is.
   */
  public Decision afterFinish(TestRun run, List<Job> ownedJobs, Instant now) {
    Integer ttl = run.getSpec().getTtlSecondsAfterFinished();
    String completed = run.getStatus().getCompletionTime();
    if (ttl == null || completed == null) {
      return new Decision(List.of(), null, List.of(), false, null);
    }
    Duration left = Duration.between(now, Instant.parse(completed).plusSeconds(ttl));
    if (!left.isNegative() && !left.isZero()) {
      return new Decision(List.of(), null, List.of(), false, left);
    }
    List<Action> deletions = ownedJobs.stream().filter(j -> j.getMetadata().getDeletionTimestamp() == null)
        .<Action>map(Action.DeleteJob::new).toList();
    return new Decision(deletions, null, List.of(), false, null);
  }

  private Decision blocked(RunObservation observed) {
    TestRun run = observed.run();
    TestRunStatus before = run.getStatus();
    String now = timestamp(observed.now());
    Blocker blocker = observed.blocker();
    TestRunStatus status = new TestRunStatus(); // a run is blocked before it has shards: no counts to carry over
    status.setObservedGeneration(generation(run));
    status.setStartTime(before == null ? null : before.getStartTime());
    Want notReady = new Want(false, blocker.reason(), blocker.message());
    if (blocker instanceof Blocker.Refused) {
      status.setPhase(Phase.Error);
      status.setCompletionTime(before != null && before.getCompletionTime() != null ? before.getCompletionTime() : now);
      setConditions(status, before, run, now, notReady, new Want(true, blocker.reason(), blocker.message()));
      return new Decision(List.of(), status, announcements(before, status, observed), !phaseOf(before).isFinal(), null);
    }
    status.setPhase(phaseOf(before)); // a run waits before it starts: Pending, unless it was written otherwise
    setConditions(status, before, run, now, notReady, null);
    return new Decision(List.of(), status, announcements(before, status, observed), false, WAIT_POLL);
  }

  /** The plan ConfigMap when it is new, and the Job of every shard that has none and has not finished. */
  private List<Action> creations(RunObservation observed, List<ShardProgress.Next> shards) {
    Set<Integer> unfinished = shards.stream().filter(s -> !s.status().getPhase().isFinal())
        .map(s -> s.status().getIndex()).collect(Collectors.toSet());
    Set<String> missing = observed.shards().stream().filter(s -> s.job() == null && unfinished.contains(s.index()))
        .map(s -> Names.shardJob(observed.run().getMetadata().getName(), s.index())).collect(Collectors.toSet());
    if (!observed.newPlan() && missing.isEmpty()) {
      return List.of(); // nothing is rendered, so the suite is needed only when something is missing
    }
    RenderedRun desired = renderer.render(observed.run(), observed.plan(), observed.suite());
    List<Action> creations = new ArrayList<>();
    if (observed.newPlan()) {
      creations.add(new Action.Create(desired.plan()));
    }
    desired.jobs().stream().filter(j -> missing.contains(j.getMetadata().getName()))
        .map(j -> observed.capRoom() == null ? j : new JobBuilder(j).editSpec().withSuspend(true).endSpec().build()) // the cap releases them
        .forEach(j -> creations.add(new Action.Create(j)));
    return creations;
  }

  /**
   * The Queued condition, once the operator's cap held the run's Jobs back: True, saying what it
   * waits for, while some are; False once none is.
   */
  private static void queued(TestRunStatus status, TestRunStatus before, RunObservation observed, List<Action> actions, long generation,
      String now) {
    CapQueue.Room room = observed.capRoom();
    boolean waits = room != null && room.why() != null && held(observed, actions) > 0;
    if (waits) {
      status.setConditions(Conditions.set(status.getConditions(), Conditions.QUEUED, true, "ShardCap", room.why(), generation, now));
    } else if (Conditions.find(before, Conditions.QUEUED) != null) {
      status.setConditions(Conditions.set(status.getConditions(), Conditions.QUEUED, false, "Released",
          "the operator's cap on running shards holds none of its Jobs back", generation, now));
    }
  }

  /** The run's Jobs still suspended after the decision's releases. */
  private static long held(RunObservation observed, List<Action> actions) {
    long released = actions.stream().filter(a -> a instanceof Action.Release).count();
    return observed.shards().stream().map(ShardObservation::job).filter(Objects::nonNull)
        .filter(j -> JobState.suspended(j) && !JobState.retired(j) && !JobState.ended(j)).count() - released;
  }

  /** The Jobs the decision creates: under a cap, suspended, to be released by a later reconcile. */
  private static long created(List<Action> actions) {
    return actions.stream().filter(a -> a instanceof Action.Create c && c.object() instanceof Job).count();
  }

  /** The most of the run's shard Jobs running at once so far: released, not ended. */
  private static Integer peakRunning(TestRunStatus before, List<ShardObservation> shards, List<Action> actions) {
    long released = actions.stream().filter(a -> a instanceof Action.Release).count();
    long running = shards.stream().map(ShardObservation::job).filter(Objects::nonNull)
        .filter(j -> !JobState.suspended(j) && !JobState.ended(j)).count() + released;
    int earlier = before == null || before.getPeakRunningShards() == null ? 0 : before.getPeakRunningShards();
    return (int) Math.max(earlier, running);
  }

  /** What the Complete condition says: while it runs, and how it ended (FailFast when a fail-fast run stopped Failed). */
  private static Want completion(TestRunStatus status, String stoppedBy) {
    Phase phase = status.getPhase();
    if (!phase.isFinal()) {
      return new Want(false, "InProgress", completionMessage(status));
    }
    if (phase == Phase.Failed && stoppedBy != null) {
      return new Want(true, "FailFast", "stopped at the first failure, " + stoppedBy + "; " + completionMessage(status));
    }
    return new Want(true, phase.name(), completionMessage(status));
  }

  /** Every event the run's shards published: each pod's, and each shard's kept results' (of pods gone). */
  private static List<Event> events(List<ShardObservation> shards) {
    return shards.stream().flatMap(s -> Stream.concat(s.pods().stream().map(ShardPod::published), Stream.of(s.kept())))
        .filter(p -> p != null && p.document() != null).flatMap(p -> p.document().events().stream()).distinct().toList();
  }

  /** Writes {@code annotation: value} on every pod that still runs and does not show it yet. */
  private static List<Action> tell(List<ShardObservation> shards, String annotation, String value) {
    return shards.stream().flatMap(s -> s.pods().stream())
        .filter(p -> !p.terminal() && !value.equals(annotation(p.pod(), annotation)))
        .<Action>map(p -> new Action.Tell(p.pod().getMetadata().getName(), annotation, value)).toList();
  }

  /** Retires, for {@code why}, the Jobs {@code which} picks that have not ended and are not retired or retiring already. */
  private static List<Action.Retire> unended(List<ShardObservation> shards, List<Action.Retire> retiring, String why, Predicate<Job> which) {
    List<Job> already = retiring.stream().map(Action.Retire::job).toList();
    return shards.stream().map(ShardObservation::job).filter(Objects::nonNull)
        .filter(j -> which.test(j) && !JobState.retired(j) && !JobState.ended(j) && !already.contains(j))
        .map(j -> new Action.Retire(j, why)).toList();
  }

  private static List<WorkUnit> handedOut(List<WorkUnit> units, List<DynamicWork.PodView> pods) {
    Set<Integer> ids = DynamicWork.handedOut(units, pods);
    return units.stream().filter(u -> ids.contains(u.id())).toList();
  }

  private static String annotation(HasMetadata object, String name) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(name);
  }

  /** The Jobs of a dynamic run's shards to retire unused, not ended and not retired yet. */
  private static List<Action.Retire> retirements(RunObservation observed, List<WorkUnit> units) {
    Map<Integer, List<DynamicWork.PodView>> shardPods = observed.shards().stream().filter(s -> s.job() != null)
        .collect(Collectors.toMap(ShardObservation::index, s -> s.pods().stream().map(DynamicWork::view).toList()));
    Map<Integer, Job> jobs = observed.shards().stream().filter(s -> s.job() != null)
        .collect(Collectors.toMap(ShardObservation::index, ShardObservation::job));
    return DynamicWork.idleShards(units, shardPods).stream().map(jobs::get)
        .filter(job -> !JobState.ended(job) && !JobState.retired(job)).map(job -> new Action.Retire(job, Action.Retire.WHY)).toList();
  }

  /** Unsuspends the lowest suspended shards while fewer than spec.parallelism Jobs run; never a retired or retiring one. */
  private static List<Action> releases(TestRun run, List<ShardObservation> shards, List<Job> retiring, CapQueue.Room capRoom) {
    Integer parallelism = run.getSpec().getParallelism();
    if (parallelism == null && capRoom == null) {
      return List.of();
    }
    List<Job> jobs = shards.stream().map(ShardObservation::job).filter(Objects::nonNull).toList();
    long running = jobs.stream().filter(j -> !JobState.suspended(j) && !JobState.ended(j)).count();
    long room = Math.min(parallelism == null ? Long.MAX_VALUE : parallelism - running, capRoom == null ? Long.MAX_VALUE : capRoom.shards());
    return jobs.stream().filter(j -> JobState.suspended(j) && !JobState.retired(j) && !JobState.ended(j) && !retiring.contains(j))
        .sorted(Comparator.comparingInt((Job j) -> Integer.parseInt(j.getMetadata().getLabels().get(Labels.SHARD))))
        .limit(Math.max(0, room))
        .<Action>map(Action.Release::new).toList();
  }

  /** Pending → Running → final, never back: once Running, a run stays Running until every shard has ended. */
  private static Phase phase(List<ShardStatus> shards, Phase before) {
    if (shards.stream().allMatch(s -> s.getPhase().isFinal())) {
      if (shards.stream().anyMatch(s -> s.getPhase() == Phase.Error)) {
        return Phase.Error;
      }
      return shards.stream().anyMatch(s -> s.getPhase() == Phase.Failed) ? Phase.Failed : Phase.Succeeded;
    }
    return before == Phase.Running || shards.stream().anyMatch(s -> s.getPhase() != Phase.Pending) ? Phase.Running : Phase.Pending;
  }

  /** What a condition is to say. */
  private record Want(boolean status, String reason, String message) {}

  /**
   * Sets both conditions; lastTransitionTime moves only when a condition's status changes.
   *
   * @param complete the Complete condition; null leaves it as it was
   */
  private static void setConditions(TestRunStatus status, TestRunStatus before, TestRun run, String now, Want ready, Want complete) {
    List<Condition> conditions = before == null ? List.of() : before.getConditions();
    long generation = generation(run);
    conditions = Conditions.set(conditions, Conditions.READY, ready.status(), ready.reason(), ready.message(), generation, now);
    if (complete != null) {
      conditions = Conditions.set(conditions, Conditions.COMPLETE, complete.status(), complete.reason(), complete.message(), generation, now);
    }
    status.setConditions(conditions);
  }

  /** The Events of what changed between the status last written and the new one. */
  private static List<Announcement> announcements(TestRunStatus before, TestRunStatus after, RunObservation observed) {
    List<Announcement> out = new ArrayList<>();
    Condition readyBefore = Conditions.find(before, Conditions.READY);
    Condition ready = Conditions.find(after, Conditions.READY);
    boolean wasReady = readyBefore != null && "True".equals(readyBefore.getStatus());
    boolean isReady = ready != null && "True".equals(ready.getStatus());
    Phase was = phaseOf(before);
    if (!isReady && !after.getPhase().isFinal() && (readyBefore == null || !Objects.equals(readyBefore.getReason(), ready.getReason())
        || !Objects.equals(readyBefore.getMessage(), ready.getMessage()))) {
      out.add(Announcement.warning(ready.getReason(), ready.getMessage()));
    }
    if (isReady && !wasReady) {
      out.add(Announcement.normal("Planned", observed.plan().fileCount() + " files on " + observed.plan().jobShards().size() + " shards"));
      if (observed.planWarning() != null) {
        out.add(Announcement.warning("RerunPartial", observed.planWarning()));
      }
    }
    if (isReady && was == Phase.Pending && after.getPhase() != Phase.Pending) {
      out.add(Announcement.normal("Started", "the first shard started"));
    }
    Set<Integer> endedBefore = before == null ? Set.of() : before.getShards().stream()
        .filter(s -> s.getPhase() != null && s.getPhase().isFinal()).map(ShardStatus::getIndex).collect(Collectors.toSet());
    for (ShardStatus shard : after.getShards()) {
      if (shard.getPhase().isFinal() && !endedBefore.contains(shard.getIndex())) {
        String text = "shard " + shard.getIndex() + " " + shard.getPhase() + ": " + shard.getPassed() + " passed, "
            + shard.getFailed() + " failed" + (shard.getMessage() == null ? "" : "; " + shard.getMessage());
        out.add(shard.getPhase() == Phase.Error ? Announcement.warning("ShardError", text) : Announcement.normal("ShardFinished", text));
      }
    }
    if (after.getPhase().isFinal() && !was.isFinal()) {
      Condition complete = Conditions.find(after, Conditions.COMPLETE);
      out.add(after.getPhase() == Phase.Succeeded ? Announcement.normal(complete.getReason(), complete.getMessage())
          : Announcement.warning(complete.getReason(), complete.getMessage()));
    }
    return out;
  }

  private static String completionMessage(TestRunStatus status) {
    var s = status.getSummary();
    String counts = s.getPassed() + " passed, " + s.getFailed() + " failed, " + s.getSkipped() + " skipped, "
        + s.getErrored() + " errors of " + s.getFiles() + " files";
    if (status.getPhase() != Phase.Error) {
      return counts;
    }
    String why = status.getShards().stream().filter(sh -> sh.getPhase() == Phase.Error)
        .map(sh -> "shard " + sh.getIndex() + ": " + sh.getMessage()).findFirst().orElse("");
    return why + "; " + counts;
  }

  private static Phase phaseOf(TestRunStatus status) {
    return status == null || status.getPhase() == null ? Phase.Pending : status.getPhase();
  }

  private static long generation(TestRun run) {
    return run.getMetadata().getGeneration() == null ? 0 : run.getMetadata().getGeneration();
  }

  private static String timestamp(Instant now) {
    return now.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
