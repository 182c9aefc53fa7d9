package io.shardrun.operator.recorded;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.shardrun.operator.recorded.RecordedLifecycle.WatchEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Plays the Job controller and the kubelet on the mock API server as a recorded lifecycle shows
 * them: every recorded Job status and pod (created, changed, deleted), in recorded order, onto
 * the Job the operator created for a run. Names, namespace and UIDs are mapped to the run's;
 * everything else is as recorded, results annotations included. Gaps between steps are the
 * recorded ones, capped, so a test is quick and the operator still sees every intermediate
 * state; a long gap (the Job's backoff before a replacement pod, a deadline) stays the longest.
 */
public final class RecordedJobController {
  private final KubernetesClient client;
  private final String namespace;
  private final Duration maxGap;
  private final Duration longGap;

  /**
   * @param maxGap the longest wait between two steps recorded less than 5 s apart
   * @param longGap the wait between two steps recorded 5 s or more apart
   */
  public RecordedJobController(KubernetesClient client, String namespace, Duration maxGap, Duration longGap) {
    this.client = client;
    this.namespace = namespace;
    this.maxGap = maxGap;
    this.longGap = longGap;
  }

  /** Replays {@code recorded} onto the Jobs of TestRun {@code run}, which the operator creates. */
  public void replay(RecordedLifecycle recorded, String run) throws InterruptedException {
    Map<String, String> renames = new HashMap<>();
    renames.put(recorded.testRun().getMetadata().getName(), run);
    renames.put(recorded.testRun().getMetadata().getNamespace(), namespace);
    long previous = recorded.events().get(0).tMs();
    for (WatchEvent event : recorded.events()) {
      long gap = event.tMs() - previous;
      previous = event.tMs();
      Thread.sleep((gap >= 5000 ? longGap : Duration.ofMillis(Math.min(gap, maxGap.toMillis()))).toMillis());
      if (event.isJob()) {
        job(event, renames);
      } else {
        pod(event, renames);
      }
    }
  }

  private void job(WatchEvent event, Map<String, String> renames) {
    Job recorded = (Job) event.object();
    String name = rename(recorded.getMetadata().getName(), renames);
    Job actual = await().atMost(Duration.ofSeconds(30)).until(() -> client.batch().v1().jobs().inNamespace(namespace).withName(name).get(),
        Objects::nonNull);
    renames.put(recorded.getMetadata().getUid(), actual.getMetadata().getUid());
    if ("ADDED".equals(event.type())) {
      return; // created by the operator
    }
    if (Boolean.FALSE.equals(recorded.getSpec().getSuspend())) { // a release is the operator's to make
      actual = await().atMost(Duration.ofSeconds(30)).until(() -> client.batch().v1().jobs().inNamespace(namespace).withName(name).get(),
          j -> !Boolean.TRUE.equals(j.getSpec().getSuspend()));
    }
    actual.setStatus(mapped(recorded, renames).getStatus());
    client.resource(actual).updateStatus();
  }

  private void pod(WatchEvent event, Map<String, String> renames) {
    Pod recorded = mapped((Pod) event.object(), renames);
    var pods = client.pods().inNamespace(namespace);
    Pod actual = pods.withName(recorded.getMetadata().getName()).get();
    if ("ADDED".equals(event.type())) {
      String recordedUid = recorded.getMetadata().getUid();
      recorded.getMetadata().setUid(null);
      recorded.getMetadata().setResourceVersion(null);
      recorded.getMetadata().setCreationTimestamp(null);
      Pod created = pods.resource(recorded).create();
      renames.put(recordedUid, created.getMetadata().getUid());
      client.resource(withStatus(created, recorded)).updateStatus();
      return;
    }
    if (actual == null) {
      return;
    }
    if ("DELETED".equals(event.type()) || (recorded.getMetadata().getDeletionTimestamp() != null
        && actual.getMetadata().getDeletionTimestamp() == null)) {
      pods.withName(actual.getMetadata().getName()).delete(); // with the job-tracking finalizer, only marks it
      actual = pods.withName(actual.getMetadata().getName()).get();
      if (actual == null) {
        return;
      }
    }
    var meta = actual.getMetadata();
    if ("DELETED".equals(event.type()) || !Objects.equals(meta.getAnnotations(), recorded.getMetadata().getAnnotations())
        || !Objects.equals(meta.getFinalizers(), recorded.getMetadata().getFinalizers())) {
      meta.setAnnotations(recorded.getMetadata().getAnnotations());
      meta.setFinalizers("DELETED".equals(event.type()) ? null : recorded.getMetadata().getFinalizers());
      actual = client.resource(actual).update(); // without finalizers, a pod marked for deletion goes
      if ("DELETED".equals(event.type()) || pods.withName(meta.getName()).get() == null) {
        return;
      }
    }
    if (!Objects.equals(actual.getStatus(), recorded.getStatus())) {
      client.resource(withStatus(actual, recorded)).updateStatus();
    }
  }

  private static Pod withStatus(Pod pod, Pod recorded) {
    pod.setStatus(recorded.getStatus());
    return pod;
  }

  @SuppressWarnings("unchecked")
  private static <T extends HasMetadata> T mapped(T recorded, Map<String, String> renames) {
    return (T) Serialization.unmarshal(rename(Serialization.asJson(recorded), renames), recorded.getClass());
  }

  private static String rename(String text, Map<String, String> renames) {
    String out = text;
    for (Map.Entry<String, String> e : renames.entrySet()) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return out;
  }
}
