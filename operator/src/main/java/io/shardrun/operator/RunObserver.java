package io.shardrun.operator;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.shardrun.core.history.Flaky;
import io.shardrun.core.history.History;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.PlanCodec;
import io.shardrun.core.render.JobRenderer;
import io.shardrun.core.render.Names;
import io.shardrun.core.render.SuiteConfigMap;
import io.shardrun.core.results.ResultsCodec;
import io.shardrun.core.run.RunPlanner;
import io.shardrun.core.run.SpecValidator;
import io.shardrun.core.suite.SuiteException;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteParser;
import io.shardrun.crd.v1alpha1.Sharding;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.operator.decide.Blocker;
import io.shardrun.operator.decide.Published;
import io.shardrun.operator.decide.RunCounts;
import io.shardrun.operator.decide.RunObservation;
import io.shardrun.operator.decide.ShardObservation;
import io.shardrun.operator.decide.ShardPod;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The observe step of a reconcile: everything the decision needs, read from the informers' caches
 * and, once per run, from the API (the plan, the history, the kept results; see {@link RunFacts}).
 * A new run is planned here, with its suite and history, as {@code render-jobs} plans it.
 *
 * <p>What belongs to the run is recognised by owner UID, never by name: a TestRun deleted and
 * created again under the same name must not adopt the old run's plan, Jobs or pods, which the
 * garbage collector may not have removed yet.
 */
final class RunObserver {
  private final RunMemory memory;

  RunObserver(RunMemory memory) {
    this.memory = memory;
  }

  RunObservation observe(TestRun run, KubernetesClient client, Collection<Job> jobs, Collection<Pod> pods, Instant now) {
    List<String> problems = SpecValidator.problems(run);
    if (!problems.isEmpty()) {
      return RunObservation.blocked(run, now, new Blocker.Refused("InvalidSpec", String.join("; ", problems)));
    }
    try {
      Supplier<SuiteFiles> suite = new Once<>(() -> suite(run, client)); // up to 1 MiB: read at most once, only if needed
      RunFacts known = memory.get(run.getMetadata().getUid());
      Planning planning = known != null ? new Planning(known, false, null) : factsOrPlan(run, client, suite);
      if (jobs.stream().anyMatch(j -> !ownedBy(j, run))) {
        throw new NotReady("PreviousRunTerminating", "Jobs of an earlier TestRun named " + run.getMetadata().getName()
            + " are still being deleted; this run starts once they are gone");
      }
      List<ShardObservation> shards = shards(run, planning.facts(), jobs, pods);
      boolean jobMissing = shards.stream().anyMatch(s -> s.job() == null);
      return new RunObservation(run, now, null, planning.facts().plan(), planning.newPlan(), planning.warning(), shards,
          planning.newPlan() || jobMissing ? suite.get() : null, planning.facts().flaky());
    } catch (NotReady e) {
      return RunObservation.blocked(run, now, new Blocker.Waiting(e.reason(), e.getMessage()));
    } catch (SuiteException | IllegalArgumentException e) {
      return RunObservation.blocked(run, now, new Blocker.Refused("SuiteInvalid", e.getMessage()));
    }
  }

  /** The objects among {@code objects} that belong to {@code run}. */
  static <T extends HasMetadata> List<T> owned(TestRun run, Collection<T> objects) {
    return objects.stream().filter(o -> ownedBy(o, run)).toList();
  }

  /**
   * @param newPlan whether the plan was made now (its ConfigMap is still to be created)
   * @param warning a warning about the plan; null if none
   */
  private record Planning(RunFacts facts, boolean newPlan, String warning) {}

  /**
   * The facts of a run the operator does not remember: read back when its plan exists (the plan
   * is final: a restarted operator never plans a run twice), or a new plan.
   */
  private Planning factsOrPlan(TestRun run, KubernetesClient client, Supplier<SuiteFiles> suite) {
    String namespace = run.getMetadata().getNamespace();
    ConfigMap planMap = client.configMaps().inNamespace(namespace).withName(Names.planConfigMap(run.getMetadata().getName())).get();
    if (planMap != null && !ownedBy(planMap, run)) {
      throw new NotReady("PreviousRunTerminating", "objects of an earlier TestRun named " + run.getMetadata().getName()
          + " are still being deleted; this run starts once they are gone");
    }
    History history = history(client, run);
    if (planMap != null) {
      Plan plan = PlanCodec.read(planMap.getData().get(JobRenderer.PLAN_KEY), "ConfigMap " + planMap.getMetadata().getName());
      Function<String, List<String>> tagsOf = new SuiteTags(suite);
      ConfigMap keptMap = client.configMaps().inNamespace(namespace).withName(Names.resultsConfigMap(run.getMetadata().getName())).get();
      Map<Integer, Published> kept = KeptResults.read(keptMap != null && ownedBy(keptMap, run) ? keptMap : null, plan, tagsOf);
      RunFacts facts = new RunFacts(plan, flaky(run, history), tagsOf, kept);
      memory.remember(run.getMetadata().getUid(), facts);
      return new Planning(facts, false, null);
    }
    SuiteParser.Result parsed = SuiteParser.parse(suite.get());
    if (!parsed.ok()) {
      throw new NotReady("SuiteInvalid", parsed.describeProblems());
    }
    RerunSource.FailedFiles rerun = rerunOnly(run, client);
    Plan plan = RunPlanner.plan(run.getSpec(), parsed.suite(), history, rerun == null ? null : rerun.files());
    String warning = rerun == null || rerun.complete() ? null : "TestRun " + run.getSpec().getRerunFailedOf()
        + "'s results are gone; rerunning the " + rerun.files().size() + " failed files its status lists (it keeps at most "
        + RunCounts.MAX_FAILURES + ")";
    // Not remembered: the next reconcile reads it back once its ConfigMap exists.
    return new Planning(new RunFacts(plan, flaky(run, history), new SuiteTags(parsed.suite()), Map.of()), true, warning);
  }

  /** For spec.rerunFailedOf: the other run's failed files, once it finished; null without it. */
  private static RerunSource.FailedFiles rerunOnly(TestRun run, KubernetesClient client) {
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
    return RerunSource.of(client, other);
  }

  /** One observation per non-empty shard of the plan: its Job, its pods (oldest first) and what each published. */
  static List<ShardObservation> shards(TestRun run, RunFacts facts, Collection<Job> jobs, Collection<Pod> pods) {
    Map<String, Job> ours = owned(run, jobs).stream().collect(Collectors.toMap(j -> j.getMetadata().getName(), j -> j, (a, b) -> a));
    Map<String, String> jobByUid = ours.values().stream()
        .collect(Collectors.toMap(j -> j.getMetadata().getUid(), j -> j.getMetadata().getName(), (a, b) -> a));
    Map<String, List<Pod>> podsByJob = pods.stream()
        .filter(p -> jobOwner(p).map(jobByUid::containsKey).orElse(false))
        .collect(Collectors.groupingBy(p -> jobByUid.get(jobOwner(p).orElseThrow())));
    Comparator<Pod> oldestFirst = Comparator.comparing((Pod p) -> String.valueOf(p.getMetadata().getCreationTimestamp()))
        .thenComparing(p -> p.getMetadata().getName());
    boolean dynamic = facts.plan().sharding() == Sharding.DYNAMIC;
    return facts.plan().jobShards().stream().map(shard -> {
      String job = Names.shardJob(run.getMetadata().getName(), shard.index());
      List<Pod> jobPods = podsByJob.getOrDefault(job, List.of()).stream().sorted(oldestFirst).toList();
      if (dynamic) {
        return DynamicShards.observe(shard.index(), ours.get(job), jobPods, facts);
      }
      List<ShardPod> shardPods = jobPods.stream().map(p -> new ShardPod(p, published(p, shard.paths(), facts.tagsOf()))).toList();
      return new ShardObservation(shard.index(), shard.paths(), ours.get(job), shardPods, facts.kept().get(shard.index()));
    }).toList();
  }

  /** What a pod published, read against the files it was to run, in order; null before it published. */
  static Published published(Pod pod, List<String> files, Function<String, List<String>> tagsOf) {
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(ResultsCodec.ANNOTATION);
    return value == null ? null : KeptResults.decode(value, files, "pod " + pod.getMetadata().getName(), tagsOf);
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

  private static History history(KubernetesClient client, TestRun run) {
    ConfigMap map = client.configMaps().inNamespace(run.getMetadata().getNamespace())
        .withName(HistoryStore.configMapName(run.getSpec().getSuite().getConfigMap())).get();
    return HistoryStore.read(map);
  }

  private static Set<String> flaky(TestRun run, History history) {
    return Flaky.files(history, run.getSpec().getHistory().getWindow(), run.getSpec().getHistory().getFlakyMinRuns());
  }

  /** Whether {@code object} belongs to {@code run}: an owner reference with its UID. */
  static boolean ownedBy(HasMetadata object, TestRun run) {
    String uid = run.getMetadata().getUid();
    return object.getMetadata().getOwnerReferences() != null && uid != null
        && object.getMetadata().getOwnerReferences().stream().anyMatch(r -> uid.equals(r.getUid()));
  }

  private static Optional<String> jobOwner(Pod pod) {
    return pod.getMetadata().getOwnerReferences() == null ? Optional.empty()
        : pod.getMetadata().getOwnerReferences().stream().filter(r -> "Job".equals(r.getKind())).map(r -> r.getUid()).findFirst();
  }
}
