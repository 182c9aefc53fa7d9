package io.shardrun.operator.decide;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.UncountedTerminatedPods;
import io.shardrun.core.render.JobRenderer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a shard's Job and pods as the Job controller and the kubelet write them (see
 * testdata/k8s-recordings): counters the server leaves out when 0, conditions that only ever
 * become True.
 */
final class JobState {
  /** Shardrun's executor writes at most 1 KiB; a custom image may write up to the kubelet's 4 KiB. */
  static final int MAX_MESSAGE_CHARS = 1024;
  private static final Set<String> RUNNING_OR_ENDED = Set.of("Running", "Succeeded", "Failed");

  private JobState() {}

  /** The Job's end: its Complete or Failed condition, once the Job controller set it. */
  static Optional<JobCondition> end(Job job) {
    return condition(job, "Failed").or(() -> condition(job, "Complete"));
  }

  /** Whether the Job has ended, either way. */
  static boolean ended(Job job) {
    return end(job).isPresent();
  }

  /** Whether the operator retired the Job ({@link Action.Retire}). */
  static boolean retired(Job job) {
    return retiredWhy(job) != null;
  }

  /** Why the operator retired the Job; null when it did not. */
  static String retiredWhy(Job job) {
    return job.getMetadata().getAnnotations() == null ? null : job.getMetadata().getAnnotations().get(Action.Retire.ANNOTATION);
  }

  static boolean suspended(Job job) {
    return Boolean.TRUE.equals(job.getSpec().getSuspend());
  }

  /**
   * Whether a pod of the shard runs or has run: one is Running or finished now, or the Job
   * counted one that finished (its pod may be gone, its replacement not there yet).
   */
  static boolean started(Job job, List<Pod> pods) {
    boolean podRanOrRuns = pods.stream().anyMatch(p -> p.getStatus() != null && RUNNING_OR_ENDED.contains(p.getStatus().getPhase()));
    if (podRanOrRuns || job == null || job.getStatus() == null) {
      return podRanOrRuns;
    }
    var status = job.getStatus();
    UncountedTerminatedPods uncounted = status.getUncountedTerminatedPods();
    boolean finishing = uncounted != null && Stream.of(uncounted.getSucceeded(), uncounted.getFailed())
        .anyMatch(uids -> uids != null && !uids.isEmpty());
    return positive(status.getSucceeded()) || positive(status.getFailed()) || finishing;
  }

  /**
   * What the executor of {@code pod} wrote as its termination message (the kubelet copies it from
   * the container's /dev/termination-log when it ends), or null.
   */
  static String executorMessage(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return null;
    }
    return pod.getStatus().getContainerStatuses().stream()
        .filter(c -> JobRenderer.EXECUTOR.equals(c.getName()))
        .flatMap(JobState::terminations)
        .map(ContainerStateTerminated::getMessage)
        .filter(m -> m != null && !m.isBlank())
        .map(String::strip)
        .map(m -> m.length() <= MAX_MESSAGE_CHARS ? m : m.substring(0, MAX_MESSAGE_CHARS - 1) + "…")
        .findFirst().orElse(null);
  }

  private static Stream<ContainerStateTerminated> terminations(ContainerStatus container) {
    return Stream.of(container.getState(), container.getLastState())
        .filter(s -> s != null && s.getTerminated() != null)
        .map(s -> s.getTerminated());
  }

  private static Optional<JobCondition> condition(Job job, String type) {
    if (job.getStatus() == null || job.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return job.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus())).findFirst();
  }

  private static boolean positive(Integer count) {
    return count != null && count > 0;
  }
}
