package io.shardrun.operator.decide;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.shardrun.core.results.ShardCounts;
import io.shardrun.crd.v1alpha1.Phase;
import io.shardrun.crd.v1alpha1.ShardStatus;
import java.util.List;
import java.util.Objects;

/**
 * One shard's next status. Its phase only moves forward, Pending → Running → final: on a real
 * cluster a shard's pod has finished before its Job says so, and a failed pod's replacement
 * comes only after the Job's backoff, with no pod in between; neither is a step back. A final
 * shard keeps its status and its results, whatever happens to its pods later.
 */
final class ShardProgress {
  static final String WAITING_FOR_SLOT = "waiting for a slot under spec.parallelism or the operator's cap on running shards";
  static final String NO_RESULTS = "the shard finished without publishing its results (pod gone or executor killed)";
  static final String DEADLINE = "the shard ran past spec.timeoutSeconds (DeadlineExceeded)";
  static final String BACKOFF = "the shard's pod failed more often than spec.retries allows (BackoffLimitExceeded):"
      + " an infrastructure failure";

  private ShardProgress() {}

  /**
   * @param status the shard's status
   * @param results the results it counts; null when it has none
   * @param keep results to keep now, so they outlive the pod; null when there is nothing new to keep
   */
  record Next(ShardStatus status, Published results, Published keep) {}

  /** @param before the shard's status in the run's last written status; null before it had one */
  static Next next(ShardObservation shard, ShardStatus before) {
    if (before != null && before.getPhase() != null && before.getPhase().isFinal()) {
      return new Next(before, shard.kept() != null ? shard.kept() : newestPublished(shard), null);
    }
    Published results = results(shard);
    ShardStatus status = counted(shard, results);
    Verdict verdict = verdict(shard, before, results);
    status.setPhase(verdict.phase());
    status.setMessage(verdict.message());
    boolean keep = results != null && results.document() != null && (results.done() || verdict.phase().isFinal())
        && (shard.kept() == null || !Objects.equals(shard.kept().value(), results.value()));
    return new Next(status, results, keep ? results : null);
  }

  private record Verdict(Phase phase, String message) {}

  private static Verdict verdict(ShardObservation shard, ShardStatus before, Published results) {
    if (shard.job() == null) {
      return new Verdict(Phase.Pending, null);
    }
    String retired = JobState.retiredWhy(shard.job());
    if (retired != null) { // unused in a dynamic run, not started in a fail-fast run, or not ready to start together
      return new Verdict(Action.Retire.phaseOf(retired), retired);
    }
    String problem = results == null ? null : results.problem();
    JobCondition end = JobState.end(shard.job()).orElse(null);
    if (end == null) {
      boolean started = (before != null && before.getPhase() == Phase.Running) || results != null
          || JobState.started(shard.job(), pods(shard));
      if (started) {
        return new Verdict(Phase.Running, problem);
      }
      return new Verdict(Phase.Pending, JobState.suspended(shard.job()) ? WAITING_FOR_SLOT : null);
    }
    boolean done = results != null && results.done();
    String reason = end.getReason() == null ? "" : end.getReason();
    if ("Complete".equals(end.getType()) || "PodFailurePolicy".equals(reason)) { // exit 0 or 1: the executor published
      if (!done) {
        return error(shard, problem != null ? problem : NO_RESULTS);
      }
      ShardCounts counts = results.document().counts();
      boolean allPassed = counts.failed() + counts.errored() + counts.skipped() == 0;
      return new Verdict(allPassed && "Complete".equals(end.getType()) ? Phase.Succeeded : Phase.Failed, null);
    }
    return error(shard, switch (reason) {
      case "DeadlineExceeded" -> DEADLINE;
      case "BackoffLimitExceeded" -> BACKOFF;
      default -> "the shard's Job failed: " + reason + (end.getMessage() == null ? "" : " " + end.getMessage());
    });
  }

  /** An Error, with what the executor of the last attempt said about why it ended, when it said something. */
  private static Verdict error(ShardObservation shard, String why) {
    List<Pod> pods = pods(shard);
    String said = pods.isEmpty() ? null : JobState.executorMessage(pods.get(pods.size() - 1));
    return new Verdict(Phase.Error, said == null ? why : why + "; last attempt: " + said);
  }

  /**
   * The results a shard counts: the newest final document a pod shows, else the one kept, else
   * the newest pod's progress (or its unreadable annotation).
   */
  private static Published results(ShardObservation shard) {
    for (int i = shard.pods().size() - 1; i >= 0; i--) {
      Published published = shard.pods().get(i).published();
      if (published != null && published.done()) {
        return published;
      }
    }
    return shard.kept() != null ? shard.kept() : newestPublished(shard);
  }

  private static Published newestPublished(ShardObservation shard) {
    for (int i = shard.pods().size() - 1; i >= 0; i--) {
      if (shard.pods().get(i).published() != null) {
        return shard.pods().get(i).published();
      }
    }
    return null;
  }

  private static ShardStatus counted(ShardObservation shard, Published results) {
    ShardStatus s = new ShardStatus();
    s.setIndex(shard.index());
    s.setJob(shard.job() == null ? null : shard.job().getMetadata().getName());
    s.setFiles(shard.files().size());
    if (results != null && results.document() != null) {
      ShardCounts counts = results.document().counts();
      s.setPassed(counts.passed());
      s.setFailed(counts.failed());
      s.setSkipped(counts.skipped());
      s.setErrored(counts.errored());
      s.setDurationMs(counts.durationMs());
    } else if (shard.job() != null && JobState.retired(shard.job())) {
      s.setSkipped(s.getFiles()); // it never started; a dynamic shard has no files of its own
    }
    return s;
  }

  private static List<Pod> pods(ShardObservation shard) {
    return shard.pods().stream().map(ShardPod::pod).toList();
  }
}
