package io.shardrun.operator;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.shardrun.core.render.JobRenderer;
import io.shardrun.core.results.RunRecord;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.core.plan.Assignment;
import io.shardrun.operator.decide.Action;
import io.shardrun.operator.decide.DynamicWork;
import io.shardrun.operator.decide.Decision;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The act step of a reconcile, the one place that changes the cluster: it carries out a
 * decision's actions, then writes the status, then emits the Events and metrics of the
 * transitions that status records.
 *
 * <p>The status is written with the resourceVersion the decision was made from, so the API
 * server refuses it (409) when that was not the latest: a cache that did not yet hold the
 * operator's own last write. Nothing is then announced, and the reconcile is retried on a fresh
 * copy. Events and metrics follow only a written transition, so each is emitted once per run,
 * also across restarts (a crash between the write and the Event loses that Event rather than
 * repeating it).
 */
final class RunActuator {
  private final JobRenderer renderer;
  private final Events events;
  private final RunMetrics metrics;
  private final RunMemory memory;
  private final ShardSlots slots;

  RunActuator(JobRenderer renderer, Events events, RunMetrics metrics, RunMemory memory, ShardSlots slots) {
    this.renderer = renderer;
    this.events = events;
    this.metrics = metrics;
    this.memory = memory;
    this.slots = slots;
  }

  /**
   * @param written told of the status as written, so the next reconcile sees it before the
   *     informer does
   * @throws Rejected when the API server refuses an object of the run (HTTP 400 or 422)
   */
  void apply(TestRun run, Decision decision, KubernetesClient client, Consumer<TestRun> written) {
    for (Action action : decision.actions()) {
      carryOut(run, action, client);
    }
    if (decision.status() == null || StatusWrite.unchanged(run.getStatus(), decision.status())) {
      return;
    }
    written.accept(StatusWrite.update(client, run, new TestRun(), decision.status()));
    decision.announcements().forEach(announcement -> events.record(run, announcement));
    if (decision.finished()) {
      metrics.finished(decision.status());
      memory.forget(run.getMetadata().getUid());
    }
  }

  private void carryOut(TestRun run, Action action, KubernetesClient client) {
    if (action instanceof Action.Create create) {
      create(client, create.object());
    } else if (action instanceof Action.Release release) {
      client.resource(release.job()).patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"suspend\":false}}");
      slots.released(release.job());
    } else if (action instanceof Action.Retire retire) {
      client.resource(retire.job()).patch(PatchContext.of(PatchType.JSON_MERGE), client.getKubernetesSerialization().asJson(Map.of(
          "metadata", Map.of("annotations", Map.of(Action.Retire.ANNOTATION, retire.why())), "spec", Map.of("suspend", true))));
    } else if (action instanceof Action.Tell tell) {
      tell(client, run, tell);
    } else if (action instanceof Action.KeepResults keep) {
      keep(client, run, JobRenderer.resultsKey(keep.shard()), keep.results().value());
      RunFacts facts = memory.get(run.getMetadata().getUid());
      if (facts != null) { // else the next reconcile reads them back
        facts.kept().put(keep.shard(), keep.results());
      }
    } else if (action instanceof Action.KeepRunRecord record) {
      keep(client, run, RunRecord.KEY, record.value());
    } else if (action instanceof Action.RecordHistory record) {
      HistoryStore.record(client, run, record.results(), record.at());
    } else if (action instanceof Action.Assign assign) {
      assign(client, run, assign.grant());
    } else if (action instanceof Action.DeleteJob delete) {
      client.resource(delete.job()).withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
    }
  }

  /**
   * Writes a pod's assignment if the pod is still as observed. A pod that changed meanwhile (409)
   * or is gone (404) is decided on again at the next reconcile, from what it shows then.
   */
  private void assign(KubernetesClient client, TestRun run, DynamicWork.Grant grant) {
    String patch = client.getKubernetesSerialization().asJson(Map.of("metadata", Map.of(
        "resourceVersion", grant.resourceVersion(),
        "annotations", Map.of(Assignment.ANNOTATION, grant.assignment().toJson()))));
    try {
      client.pods().inNamespace(run.getMetadata().getNamespace()).withName(grant.pod()).patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409 || e.getCode() == 404) {
        return;
      }
      throw e;
    }
    RunFacts facts = memory.get(run.getMetadata().getUid());
    if (facts != null) {
      facts.written().put(grant.pod(), grant.assignment());
    }
  }

  /** Writes an annotation of the operator's on a shard pod; a pod gone meanwhile (404) needs no telling. */
  private static void tell(KubernetesClient client, TestRun run, Action.Tell tell) {
    String patch = client.getKubernetesSerialization().asJson(Map.of("metadata", Map.of(
        "annotations", Map.of(tell.annotation(), tell.value()))));
    try {
      client.pods().inNamespace(run.getMetadata().getNamespace()).withName(tell.pod()).patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
    }
  }

  /** Adds one key to ConfigMap NAME-results, creating it with the first. */
  private void keep(KubernetesClient client, TestRun run, String key, String value) {
    ConfigMap empty = renderer.resultsConfigMap(run);
    var map = client.configMaps().inNamespace(run.getMetadata().getNamespace()).withName(empty.getMetadata().getName());
    String patch = client.getKubernetesSerialization().asJson(Map.of("data", Map.of(key, value)));
    try {
      map.patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
      create(client, new ConfigMapBuilder(empty).addToData(key, value).build());
    }
  }

  private static void create(KubernetesClient client, HasMetadata object) {
    try {
      CreateOnce.create(client, object);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 400 || e.getCode() == 422) { // the API server refuses what this run asks for: retrying cannot help
        throw new Rejected("the API server refused " + object.getKind() + " " + object.getMetadata().getName() + ": "
            + (e.getStatus() == null ? e.getMessage() : e.getStatus().getMessage()));
      }
      throw e;
    }
  }

  /** The API server refused to create an object of the run: the run cannot go on. */
  static final class Rejected extends RuntimeException {
    Rejected(String message) {
      super(message);
    }
  }
}
