package io.shardrun.operator.cluster;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateTerminatedBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The Job controller's and the kubelet's part for a shard Job on the mock API server, step by
 * step in the order a real cluster takes them (testdata/k8s-recordings/lifecycle): a pod is
 * created Pending with the job-tracking finalizer, then runs; when its executor exits, the
 * container ends while the pod is still Running, then the pod turns Succeeded or Failed, then
 * the Job counts it as uncounted (with SuccessCriteriaMet or FailureTarget when that decides the
 * Job), then the finalizer goes, then the Job counts it and only then says Complete or Failed. A
 * counted failure with retries left gets a replacement pod after the Job's backoff. Each step
 * waits {@code pause} so the operator sees every intermediate state.
 */
public final class JobControllerPlay {
  public static final String FINALIZER = "batch.kubernetes.io/job-tracking";

  private final KubernetesClient client;
  private final Duration pause;

  public JobControllerPlay(KubernetesClient client, Duration pause) {
    this.client = client;
    this.pause = pause;
  }

  /** Creates the Job's next pod from its template, Pending, then Running. */
  public Pod startPod(Job job) {
    String name = job.getMetadata().getName() + "-" + UUID.randomUUID().toString().substring(0, 5);
    var template = job.getSpec().getTemplate();
    Pod pod = client.resource(new PodBuilder().withMetadata(template.getMetadata()).editMetadata()
        .withName(name).withNamespace(job.getMetadata().getNamespace())
        .addNewOwnerReference().withApiVersion("batch/v1").withKind("Job").withName(job.getMetadata().getName())
        .withUid(job.getMetadata().getUid()).withController(true).withBlockOwnerDeletion(true).endOwnerReference()
        .addToLabels("batch.kubernetes.io/job-name", job.getMetadata().getName())
        .addToLabels("batch.kubernetes.io/controller-uid", job.getMetadata().getUid())
        .withFinalizers(FINALIZER).endMetadata()
        .withSpec(template.getSpec()).build()).create();
    pod = status(pod, "Pending", null);
    editJobStatus(job, s -> s.withActive(1).withStartTime(s.getStartTime() != null ? s.getStartTime() : now()));
    pause();
    return status(pod, "Running", null);
  }

  /**
   * The executor of {@code pod} exited with {@code exitCode}: the pod and the Job end as the pod
   * failure policy says (0 completes, 1 fails the Job, anything else is retried while the Job's
   * backoffLimit allows, after a backoff of {@code backoff}).
   *
   * @param message the executor's termination message; null for none
   * @return the replacement pod, if the Job makes one
   */
  public Pod exit(Pod pod, int exitCode, String message, Duration backoff) throws InterruptedException {
    pod = status(pod, "Running", terminated(exitCode, message)); // the sidecar is still being stopped
    pause();
    pod = status(pod, exitCode == 0 ? "Succeeded" : "Failed", terminated(exitCode, message));
    pause();
    return count(pod, exitCode == 0 ? Ending.SUCCEEDED : exitCode == 1 ? Ending.FAILS_JOB : Ending.RETRIED, backoff);
  }

  /**
   * Deletes the running pod as {@code kubectl delete pod} does (d-pod-deleted): it is marked for
   * deletion and still runs, then the kubelet stops it (Failed, exit 143), the Job counts a
   * failure and the pod goes; a replacement comes after {@code backoff} while retries are left.
   */
  public Pod delete(Pod pod, Duration backoff) throws InterruptedException {
    client.resource(pod).delete(); // with the job-tracking finalizer, only marks it
    pause();
    pod = status(pod, "Failed", terminated(143, null));
    pause();
    return count(pod, Ending.RETRIED, backoff);
  }

  /**
   * The pod's Job was suspended while the pod ran: the Job controller deletes the pod, the kubelet
   * stops it, and it counts as neither succeeded nor failed; the Job says it is suspended.
   */
  public void suspended(Pod pod) {
    client.resource(pod).delete();
    pause();
    pod = status(pod, "Failed", terminated(143, null));
    pause();
    Pod fresh = client.resource(pod).get();
    fresh.getMetadata().setFinalizers(new ArrayList<>());
    client.resource(fresh).update();
    pause();
    editJobStatus(job(pod), s -> s.withActive(0).addToConditions(condition("Suspended", "JobSuspended")));
  }

  private enum Ending { SUCCEEDED, FAILS_JOB, RETRIED }

  /** The Job controller's account of a terminal pod: two Job updates around the finalizer's removal. */
  private Pod count(Pod pod, Ending ending, Duration backoff) throws InterruptedException {
    Job job = job(pod);
    int failedBefore = job.getStatus().getFailed() == null ? 0 : job.getStatus().getFailed();
    boolean succeeded = ending == Ending.SUCCEEDED;
    boolean ends = ending != Ending.RETRIED || failedBefore + 1 > job.getSpec().getBackoffLimit();
    String reason = succeeded ? "CompletionsReached" : ending == Ending.FAILS_JOB ? "PodFailurePolicy" : "BackoffLimitExceeded";
    String uid = pod.getMetadata().getUid();
    editJobStatus(job, s -> {
      s.withActive(null).withNewUncountedTerminatedPods()
          .withSucceeded(succeeded ? List.of(uid) : null).withFailed(succeeded ? null : List.of(uid)).endUncountedTerminatedPods();
      return ends ? s.addToConditions(condition(succeeded ? "SuccessCriteriaMet" : "FailureTarget", reason)) : s;
    });
    pause();
    Pod fresh = client.resource(pod).get();
    fresh.getMetadata().setFinalizers(new ArrayList<>());
    client.resource(fresh).update(); // a pod marked for deletion goes now
    pause();
    editJobStatus(job, s -> {
      s.withNewUncountedTerminatedPods().endUncountedTerminatedPods();
      s = succeeded ? s.withSucceeded(1) : s.withFailed(failedBefore + 1);
      return ends ? s.addToConditions(condition(succeeded ? "Complete" : "Failed", reason)).withCompletionTime(now()) : s;
    });
    if (ends) {
      return null;
    }
    Thread.sleep(backoff.toMillis()); // the Job controller's backoff before a replacement
    return startPod(job(pod));
  }

  /** Writes {@code annotations} onto the pod, as an executor publishing its results does. */
  public Pod annotate(Pod pod, Map<String, String> annotations) {
    Pod fresh = client.resource(pod).get();
    fresh.getMetadata().getAnnotations().putAll(annotations);
    return client.resource(fresh).update();
  }

  private Job job(Pod pod) {
    String name = pod.getMetadata().getOwnerReferences().get(0).getName();
    return client.batch().v1().jobs().inNamespace(pod.getMetadata().getNamespace()).withName(name).get();
  }

  private Pod status(Pod pod, String phase, ContainerStateTerminated executorEnded) {
    Pod fresh = client.resource(pod).get();
    var status = new PodStatusBuilder().withPhase(phase);
    var executor = new ContainerStatusBuilder().withName("executor").withImage("shardrun").withReady("Running".equals(phase)
        && executorEnded == null);
    if (executorEnded != null) {
      executor.withNewState().withTerminated(executorEnded).endState();
    } else if ("Running".equals(phase)) {
      executor.withNewState().withNewRunning().withStartedAt(now()).endRunning().endState();
    } else {
      executor.withNewState().withNewWaiting().withReason("PodInitializing").endWaiting().endState();
    }
    fresh.setStatus(status.withContainerStatuses(executor.build()).build());
    return client.resource(fresh).updateStatus();
  }

  private static ContainerStateTerminated terminated(int exitCode, String message) {
    return new ContainerStateTerminatedBuilder().withExitCode(exitCode)
        .withReason(exitCode == 0 ? "Completed" : "Error").withMessage(message).withFinishedAt(now()).build();
  }

  private void editJobStatus(Job job, UnaryOperator<JobStatusBuilder> edit) {
    Job fresh = client.resource(job).get();
    var builder = new JobStatusBuilder(fresh.getStatus() == null ? new JobStatus() : fresh.getStatus());
    edit.apply(builder);
    fresh.setStatus(builder.build());
    client.resource(fresh).updateStatus();
  }

  private static JobCondition condition(String type, String reason) {
    return new JobConditionBuilder().withType(type).withStatus("True").withReason(reason)
        .withLastProbeTime(now()).withLastTransitionTime(now()).build();
  }

  private void pause() {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
