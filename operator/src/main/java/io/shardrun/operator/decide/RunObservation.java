package io.shardrun.operator.decide;

import io.shardrun.core.plan.Plan;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.crd.v1alpha1.TestRun;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What one reconcile of an unfinished run observed.
 *
 * @param run the TestRun; its status is the last one written (the cache, or the operator's own
 *     last write when the cache does not show it yet)
 * @param now the time of the observation
 * @param blocker why the run cannot go on; when set, the fields below are empty
 * @param plan the run's plan
 * @param newPlan whether the plan was made now and its ConfigMap is still to be created
 * @param planWarning a warning about the plan, for the Event that announces it; null if none
 * @param shards one per non-empty shard of the plan
 * @param suite the suite's files, read only when an object is to be created from them; else null
 * @param flakyInHistory files the suite's history shows as flaky
 * @param capRoom under the operator's cap on running shards, how many of its Jobs may start now;
 *     null without a cap
 */
public record RunObservation(TestRun run, Instant now, Blocker blocker, Plan plan, boolean newPlan, String planWarning,
    List<ShardObservation> shards, SuiteFiles suite, Set<String> flakyInHistory, CapQueue.Room capRoom) {

  /** An observation without a cap on running shards. */
  public RunObservation(TestRun run, Instant now, Blocker blocker, Plan plan, boolean newPlan, String planWarning,
      List<ShardObservation> shards, SuiteFiles suite, Set<String> flakyInHistory) {
    this(run, now, blocker, plan, newPlan, planWarning, shards, suite, flakyInHistory, null);
  }

  /** The same observation, under the operator's cap. */
  public RunObservation withCapRoom(CapQueue.Room room) {
    return new RunObservation(run, now, blocker, plan, newPlan, planWarning, shards, suite, flakyInHistory, room);
  }

  public static RunObservation blocked(TestRun run, Instant now, Blocker blocker) {
    return new RunObservation(run, now, blocker, null, false, null, List.of(), null, Set.of());
  }

  /** The same run, refused: what an API server's refusal to create its objects turns into. */
  public RunObservation refused(String reason, String message) {
    return blocked(run, now, new Blocker.Refused(reason, message));
  }
}
