package io.shardrun.operator.decide;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.shardrun.core.results.FileResult;
import io.shardrun.core.results.RunRecord;
import io.shardrun.crd.v1alpha1.Phase;
import java.util.List;

/** A change to the cluster a decision asks for. Each is idempotent: carrying it out twice does no harm. */
public sealed interface Action {
  /** Creates the object unless it exists: the plan ConfigMap or a shard Job. */
  record Create(HasMetadata object) implements Action {}

  /** Lets a suspended shard Job start. */
  record Release(Job job) implements Action {}

  /**
   * Suspends a shard's Job, so that its pods go, and marks it retired, saying why: a dynamic run's
   * work was done before any of its pods asked for some (one started late, or never got
   * scheduled), or a fail-fast run stopped before the shard started.
   */
  record Retire(Job job, String why) implements Action {
    public static final String ANNOTATION = "shardrun.io/retired";
    public static final String WHY = "retired unused: the run's work was done before this shard asked for any";
    private static final String FAIL_FAST = "not started (fail-fast): ";

    /** The message of a shard a fail-fast run stopped before it started. */
    public static String failFast(String firstFailed) {
      return FAIL_FAST + firstFailed + " did not pass";
    }

    /** How a shard retired for {@code why} ended: unused Succeeded, stopped by fail-fast Failed, else Error. */
    static Phase phaseOf(String why) {
      return WHY.equals(why) ? Phase.Succeeded : why.startsWith(FAIL_FAST) ? Phase.Failed : Phase.Error;
    }
  }

  /**
   * Tells a shard pod's executor something by writing one of the operator's annotations on the
   * pod, which the executor reads: a fail-fast run's first failed file
   * ({@value io.shardrun.core.results.FailFastStop#ANNOTATION}), when to start
   * ({@value io.shardrun.core.results.StartTogether#ANNOTATION}), or the run's events
   * ({@value io.shardrun.core.results.RelayedEvents#ANNOTATION}).
   */
  record Tell(String pod, String annotation, String value) implements Action {}

  /** Keeps a shard's results in ConfigMap NAME-results, so they outlive its pods. */
  record KeepResults(int shard, Published results) implements Action {}

  /** Keeps a finished run's results, every file's, in ConfigMap NAME-results key {@value RunRecord#KEY}: the value to write. */
  record KeepRunRecord(String value) implements Action {}

  /**
   * Merges the finished run's file results into its suite's history (once per run).
   *
   * @param at when the run finished (RFC 3339)
   */
  record RecordHistory(List<FileResult> results, String at) implements Action {}

  /**
   * Writes a dynamic shard pod's whole assignment, unless the pod changed since it was observed
   * (its resourceVersion): a pod seen stale must not be given a second batch for one ask.
   */
  record Assign(DynamicWork.Grant grant) implements Action {}

  /** Deletes a finished run's Job and, with it, its pods. */
  record DeleteJob(Job job) implements Action {}
}
