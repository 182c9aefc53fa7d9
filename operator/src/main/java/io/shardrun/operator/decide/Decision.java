package io.shardrun.operator.decide;

import io.shardrun.crd.v1alpha1.TestRunStatus;
import java.time.Duration;
import java.util.List;

/**
 * What one reconcile does: the actions first, then the new status, then, once that status is
 * written, the Events and metrics of the transitions it records.
 *
 * @param actions in order
 * @param status the new status; null to leave it as it is
 * @param announcements the Events of the transitions from the status before to {@code status}
 * @param finished whether {@code status} is the run's first final one (counted in the metrics)
 * @param requeueAfter when to look again without an event; null for never
 */
public record Decision(List<Action> actions, TestRunStatus status, List<Announcement> announcements, boolean finished,
    Duration requeueAfter) {}
