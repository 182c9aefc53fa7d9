package io.shardrun.operator.status;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.shardrun.crd.v1alpha1.Phase;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the cluster shows of one shard: its Job (absent before it is created) and the pods the
 * Job made. Knows how to read the Job's state; the results are in the newest pod's annotation.
 *
 * @param index the shard's index in the plan
 * @param files the shard's files, in plan order
 * @param job its Job, or null when it does not exist (yet)
 * @param pods the Job's pods, any order
 */
public record ShardObservation(int index, List<String> files, Job job, List<Pod> pods) {

  /** The Job's own verdict, before looking at results: Pending, Running, Succeeded, Failed or Error. */
  public JobVerdict verdict() {
    if (job == null) {
      return new JobVerdict(Phase.Pending, null);
    }
    if (Boolean.TRUE.equals(job.getSpec().getSuspend())) {
      return new JobVerdict(Phase.Pending, "waiting for a slot under spec.parallelism");
    }
    Optional<JobCondition> failed = condition("Failed");
    if (failed.isPresent()) {
      String reason = failed.get().getReason() == null ? "" : failed.get().getReason();
      return switch (reason) {
        case "PodFailurePolicy" -> new JobVerdict(Phase.Failed, null); // executor exit 1: tests failed
        case "DeadlineExceeded" -> new JobVerdict(Phase.Error, "the shard ran past spec.timeoutSeconds (DeadlineExceeded)");
        case "BackoffLimitExceeded" -> new JobVerdict(Phase.Error,
            "the shard's pod failed more often than spec.retries allows (BackoffLimitExceeded): an infrastructure failure");
        default -> new JobVerdict(Phase.Error, "the shard's Job failed: " + reason + " " + nullToEmpty(failed.get().getMessage()));
      };
    }
    if (condition("Complete").isPresent()) {
      return new JobVerdict(Phase.Succeeded, null);
    }
    boolean running = pods.stream().anyMatch(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()));
    return new JobVerdict(running ? Phase.Running : Phase.Pending, null);
  }

  /** The newest pod: a retried shard's last attempt, whose results count. */
  public Optional<Pod> latestPod() {
    return pods.stream().max(Comparator.comparing((Pod p) -> nullToEmpty(p.getMetadata().getCreationTimestamp()))
        .thenComparing(p -> p.getMetadata().getName()));
  }

  /** Whether a Job has ended, either way. */
  public static boolean finished(Job job) {
    return condition(job, "Complete").isPresent() || condition(job, "Failed").isPresent();
  }

  private Optional<JobCondition> condition(String type) {
    return condition(job, type);
  }

  private static Optional<JobCondition> condition(Job job, String type) {
    if (job.getStatus() == null || job.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return job.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus())).findFirst();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /**
   * @param phase what the Job says
   * @param reason why, when it is not simply running or done
   */
  public record JobVerdict(Phase phase, String reason) {}
}
