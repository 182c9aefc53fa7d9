package io.shardrun.operator;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.shardrun.core.history.Flaky;
import io.shardrun.core.history.History;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.PlanCodec;
import io.shardrun.core.plan.PlannedFile;
import io.shardrun.core.plan.PlannedShard;
import io.shardrun.core.render.JobRenderer;
import io.shardrun.core.render.Labels;
import io.shardrun.core.render.Names;
import io.shardrun.core.render.RenderedRun;
import io.shardrun.core.render.SuiteConfigMap;
import io.shardrun.core.run.RunPlanner;
import io.shardrun.core.run.SpecValidator;
import io.shardrun.core.suite.SuiteException;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteParser;
import io.shardrun.crd.v1alpha1.Phase;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.crd.v1alpha1.TestRunStatus;
import io.shardrun.operator.status.Conditions;
import io.shardrun.operator.status.Observations;
import io.shardrun.operator.status.ShardObservation;
import io.shardrun.operator.status.StatusAggregator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reconciles a TestRun: observe (suite, plan, Jobs, pods) -> validate -> desired (the core
 * renderer, as render-jobs uses it) -> apply (create what is missing, never update a Job) ->
 * status (one aggregator). The plan ConfigMap, once written, is the run's plan: a restarted
 * operator finds it and never plans twice.
 */
@ControllerConfiguration(name = "testrun")
public final class TestRunReconciler implements Reconciler<TestRun> {
  /** How often a run waiting for its suite (or for the run it reruns) looks again. */
  static final Duration WAIT_POLL = Duration.ofSeconds(15);

  private final JobRenderer renderer;
  private final Events events;
  private final RunMetrics metrics;
  private final Clock clock;

  public TestRunReconciler(JobRenderer renderer, Events events, RunMetrics metrics, Clock clock) {
    this.renderer = renderer;
    this.events = events;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public List<EventSource<?, TestRun>> prepareEventSources(EventSourceContext<TestRun> context) {
    InformerEventSource<Job, TestRun> jobs = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(Job.class, TestRun.class).withLabelSelector(Labels.TESTRUN).build(), context);
    InformerEventSource<Pod, TestRun> pods = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(Pod.class, TestRun.class).withLabelSelector(Labels.TESTRUN)
            .withSecondaryToPrimaryMapper(pod -> java.util.Optional.ofNullable(pod.getMetadata().getAnnotations())
                .map(a -> a.get(JobRenderer.TESTRUN_ANNOTATION))
                .map(name -> Set.of(new ResourceID(name, pod.getMetadata().getNamespace())))
                .orElse(Set.of()))
            .build(), context);
    return List.of(jobs, pods);
  }

  @Override
  public UpdateControl<TestRun> reconcile(TestRun run, Context<TestRun> context) {
    TestRunStatus previous = run.getStatus();
    if (previous != null && previous.getPhase() != null && previous.getPhase().isFinal()) {
      return afterFinish(run, context); // a finished run's status is kept, even after its Jobs are gone
    }
    List<String> problems = SpecValidator.problems(run);
    if (!problems.isEmpty()) {
      return finish(run, Phase.Error, "InvalidSpec", String.join("; ", problems));
    }
    KubernetesClient client = context.getClient();
    try {
      Supplier<SuiteFiles> suite = new Once<>(() -> suite(run, client)); // up to 1 MiB: read at most once, only if needed
      Supplier<History> history = new Once<>(() -> history(client, run));
      ConfigMap planMap = client.configMaps().inNamespace(run.getMetadata().getNamespace())
          .withName(Names.planConfigMap(run.getMetadata().getName())).get();
      if (planMap != null && !Observations.ownedBy(planMap, run.getMetadata().getUid())) {
        throw new NotReady("PreviousRunTerminating", "objects of an earlier TestRun named " + run.getMetadata().getName()
            + " are still being deleted; this run starts once they are gone");
      }
      Plan plan = planMap != null
          ? PlanCodec.read(planMap.getData().get(JobRenderer.PLAN_KEY), "ConfigMap " + planMap.getMetadata().getName())
          : plan(run, client, suite, history);
      Set<Job> jobs = context.getSecondaryResources(Job.class); // read once: each read copies the cache
      createMissing(run, plan, planMap == null, client, jobs, suite);
      releaseSuspended(client, run, jobs);
      TestRunStatus status = status(run, plan, jobs, history, suite, context);
      UpdateControl<TestRun> update = UpdateControl.patchStatus(withStatus(run, status));
      Integer ttl = run.getSpec().getTtlSecondsAfterFinished();
      // A status change does not bring the run back: look again when its Jobs are due for deletion.
      return status.getPhase().isFinal() && ttl != null ? update.rescheduleAfter(Duration.ofSeconds(Math.max(1, ttl))) : update;
    } catch (NotReady e) {
      return waiting(run, e.reason(), e.getMessage());
    } catch (KubernetesClientException e) {
      if (e.getCode() == 400 || e.getCode() == 422) { // the API server refuses what this run asks for: retrying cannot help
        return finish(run, Phase.Error, "Rejected", "the API server refused an object of this run: " + e.getStatus().getMessage());
      }
      throw e; // transient: JOSDK retries with backoff
    } catch (SuiteException | IllegalArgumentException e) {
      return finish(run, Phase.Error, "SuiteInvalid", e.getMessage());
    }
  }

  /**
   * Deletes a finished run's Jobs (and so their pods) once spec.ttlSecondsAfterFinished has
   * passed since its completion; until then, looks again when it will have.
   */
  private UpdateControl<TestRun> afterFinish(TestRun run, Context<TestRun> context) {
    Integer ttl = run.getSpec().getTtlSecondsAfterFinished();
    String completed = run.getStatus().getCompletionTime();
    if (ttl == null || completed == null) {
      return UpdateControl.noUpdate();
    }
    Duration left = Duration.between(Instant.now(clock), Instant.parse(completed).plusSeconds(ttl));
    if (!left.isNegative() && !left.isZero()) {
      return UpdateControl.<TestRun>noUpdate().rescheduleAfter(left);
    }
    for (Job job : context.getSecondaryResources(Job.class)) {
      if (Observations.ownedBy(job, run.getMetadata().getUid())) {
        context.getClient().resource(job).withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND).delete();
      }
    }
    return UpdateControl.noUpdate();
  }

  /** Selects and plans the run's files, with the suite's history. */
  private Plan plan(TestRun run, KubernetesClient client, Supplier<SuiteFiles> suite, Supplier<History> history) {
    SuiteParser.Result parsed = SuiteParser.parse(suite.get());
    if (!parsed.ok()) {
      throw new NotReady("SuiteInvalid", parsed.describeProblems());
    }
    return RunPlanner.plan(run.getSpec(), parsed.suite(), history.get(), rerunOnly(run, client));
  }

  /** For spec.rerunFailedOf: the other run's failed files, once it finished; null otherwise. */
  private Set<String> rerunOnly(TestRun run, KubernetesClient client) {
    String source = run.getSpec().getRerunFailedOf();
    if (source == null) {
      return null;
    }
    String namespace = run.getMetadata().getNamespace();
    TestRun other = client.resources(TestRun.class).inNamespace(namespace).withName(source).get();
    if (other == null) {
      throw new NotReady("RerunSourceNotFound", "TestRun " + source + " (spec.rerunFailedOf) does not exist in " + namespace);
    }
    if (other.getStatus() == null || other.getStatus().getPhase() == null || !other.getStatus().getPhase().isFinal()) {
      throw new NotReady("RerunSourceNotFinished", "TestRun " + source + " (spec.rerunFailedOf) has not finished yet");
    }
    RerunSource.FailedFiles failed = RerunSource.of(client, other);
    if (!failed.complete()) {
      events.warning(run, "RerunPartial", "TestRun " + source + "'s pods are gone; rerunning the " + failed.files().size()
          + " failed files its status lists (it keeps at most " + StatusAggregator.MAX_FAILURES + ")");
    }
    return failed.files();
  }

  /**
   * Creates the plan ConfigMap (when new) and the Jobs not in the informer's cache yet. Once all
   * exist, nothing is rendered: the suite, up to 1 MiB, is only read when something is missing.
   */
  private void createMissing(TestRun run, Plan plan, boolean newPlan, KubernetesClient client, Set<Job> existing,
      Supplier<SuiteFiles> suite) {
    if (existing.stream().anyMatch(j -> !Observations.ownedBy(j, run.getMetadata().getUid()))) {
      throw new NotReady("PreviousRunTerminating", "Jobs of an earlier TestRun named " + run.getMetadata().getName()
          + " are still being deleted; this run starts once they are gone");
    }
    Set<String> have = existing.stream().map(j -> j.getMetadata().getName()).collect(Collectors.toSet());
    boolean jobsMissing = plan.nonEmptyShards().stream()
        .anyMatch(s -> !have.contains(Names.shardJob(run.getMetadata().getName(), s.index())));
    if (!newPlan && !jobsMissing) {
      return;
    }
    RenderedRun desired = renderer.render(run, plan, suite.get());
    if (newPlan) {
      createIfMissing(client, desired.plan());
      events.normal(run, "Planned", plan.fileCount() + " files on " + plan.nonEmptyShards().size() + " shards");
    }
    desired.jobs().stream().filter(j -> !have.contains(j.getMetadata().getName())).forEach(job -> createIfMissing(client, job));
  }

  private static SuiteFiles suite(TestRun run, KubernetesClient client) {
    String name = run.getSpec().getSuite().getConfigMap();
    ConfigMap map = client.configMaps().inNamespace(run.getMetadata().getNamespace()).withName(name).get();
    if (map == null) {
      throw new NotReady("SuiteNotFound", "ConfigMap " + name + " (spec.suite.configMap) does not exist in "
          + run.getMetadata().getNamespace() + "; create it, for example with 'shardrun render-jobs --suite DIR'");
    }
    return SuiteConfigMap.read(map);
  }

  private TestRunStatus status(TestRun run, Plan plan, Set<Job> jobs, Supplier<History> history, Supplier<SuiteFiles> suite,
      Context<TestRun> context) {
    List<ShardObservation> shards = Observations.of(run.getMetadata().getName(), run.getMetadata().getUid(), plan,
        jobs, context.getSecondaryResources(Pod.class));
    Set<String> flaky = Flaky.files(history.get(), run.getSpec().getHistory().getWindow(), run.getSpec().getHistory().getFlakyMinRuns());
    TestRunStatus status = StatusAggregator.aggregate(run, shards, new SuiteTags(suite), flaky, now());
    if (status.getPhase().isFinal()) {
      // Before the final status: once that is written, reconciles of this run stop.
      HistoryStore.record(context.getClient(), run, StatusAggregator.fileResults(shards), now());
    }
    status.setConditions(Conditions.set(status.getConditions(), Conditions.READY, true, "JobsCreated",
        "plan " + Names.planConfigMap(run.getMetadata().getName()) + " and " + shards.size() + " shard Jobs exist",
        generation(run), now()));
    announce(run, run.getStatus(), status);
    return status;
  }

  /** Events for what changed: the run started, a shard ended, the run ended. */
  private void announce(TestRun run, TestRunStatus before, TestRunStatus after) {
    Phase was = before == null || before.getPhase() == null ? Phase.Pending : before.getPhase();
    if (was == Phase.Pending && after.getPhase() != Phase.Pending) {
      events.normal(run, "Started", "the first shard started");
    }
    for (var shard : after.getShards()) {
      boolean endedBefore = before != null && before.getShards().stream()
          .anyMatch(s -> s.getIndex() == shard.getIndex() && s.getPhase() != null && s.getPhase().isFinal());
      if (shard.getPhase().isFinal() && !endedBefore) {
        String text = "shard " + shard.getIndex() + " " + shard.getPhase() + ": " + shard.getPassed() + " passed, " + shard.getFailed() + " failed"
            + (shard.getMessage() == null ? "" : "; " + shard.getMessage());
        if (shard.getPhase() == Phase.Error) {
          events.warning(run, "ShardError", text);
        } else {
          events.normal(run, "ShardFinished", text);
        }
      }
    }
    if (after.getPhase().isFinal() && !was.isFinal()) {
      metrics.finished(after);
      String message = after.getConditions().stream().filter(c -> Conditions.COMPLETE.equals(c.getType()))
          .map(c -> c.getMessage()).findFirst().orElse("");
      if (after.getPhase() == Phase.Succeeded) {
        events.normal(run, "Succeeded", message);
      } else {
        events.warning(run, after.getPhase().name(), message);
      }
    }
  }

  /** Unsuspends the lowest suspended shards while fewer than spec.parallelism Jobs are running. */
  private static void releaseSuspended(KubernetesClient client, TestRun run, Set<Job> jobs) {
    Integer parallelism = run.getSpec().getParallelism();
    if (parallelism == null) {
      return;
    }
    long running = jobs.stream().filter(j -> !Boolean.TRUE.equals(j.getSpec().getSuspend()) && !ShardObservation.finished(j)).count();
    List<Job> waiting = jobs.stream().filter(j -> Boolean.TRUE.equals(j.getSpec().getSuspend()))
        .sorted(java.util.Comparator.comparingInt(j -> Integer.parseInt(j.getMetadata().getLabels().get(Labels.SHARD)))).toList();
    for (Job job : waiting.subList(0, (int) Math.min(waiting.size(), Math.max(0, parallelism - running)))) {
      client.batch().v1().jobs().inNamespace(job.getMetadata().getNamespace()).withName(job.getMetadata().getName())
          .patch(io.fabric8.kubernetes.client.dsl.base.PatchContext.of(io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
              "{\"spec\":{\"suspend\":false}}");
    }
  }

  private UpdateControl<TestRun> waiting(TestRun run, String reason, String message) {
    TestRunStatus status = run.getStatus() == null ? new TestRunStatus() : run.getStatus();
    boolean changed = !Conditions.isTrue(status.getConditions(), Conditions.READY)
        && status.getConditions().stream().anyMatch(c -> reason.equals(c.getReason()) && message.equals(c.getMessage()));
    if (!changed) {
      events.warning(run, reason, message);
    }
    status.setPhase(Phase.Pending);
    status.setObservedGeneration(generation(run));
    status.setConditions(Conditions.set(status.getConditions(), Conditions.READY, false, reason, message, generation(run), now()));
    return UpdateControl.patchStatus(withStatus(run, status)).rescheduleAfter(WAIT_POLL);
  }

  private UpdateControl<TestRun> finish(TestRun run, Phase phase, String reason, String message) {
    TestRunStatus status = run.getStatus() == null ? new TestRunStatus() : run.getStatus();
    status.setPhase(phase);
    status.setObservedGeneration(generation(run));
    status.setCompletionTime(now());
    status.setConditions(Conditions.set(status.getConditions(), Conditions.READY, false, reason, message, generation(run), now()));
    status.setConditions(Conditions.set(status.getConditions(), Conditions.COMPLETE, true, reason, message, generation(run), now()));
    events.warning(run, reason, message);
    metrics.finished(status);
    return UpdateControl.patchStatus(withStatus(run, status));
  }

  private static History history(KubernetesClient client, TestRun run) {
    ConfigMap map = client.configMaps().inNamespace(run.getMetadata().getNamespace())
        .withName(HistoryStore.configMapName(run.getSpec().getSuite().getConfigMap())).get();
    return HistoryStore.read(map);
  }

  private static void createIfMissing(KubernetesClient client, HasMetadata object) {
    try {
      client.resource(object).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) { // 409: it exists (an earlier reconcile, or another replica before a failover)
        throw e;
      }
    }
  }

  private static List<String> files(PlannedShard shard) {
    return shard.files().stream().map(PlannedFile::path).toList();
  }

  private static TestRun withStatus(TestRun run, TestRunStatus status) {
    run.setStatus(status);
    return run;
  }

  private static long generation(TestRun run) {
    return run.getMetadata().getGeneration() == null ? 0 : run.getMetadata().getGeneration();
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
