package io.shardrun.operator.schedule;

import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.crd.v1alpha1.TestRunScheduleStatus;
import io.shardrun.operator.decide.Announcement;
import java.time.Duration;
import java.util.List;

/**
 * What one reconcile of a schedule does, in this order: delete runs, create a run, write the
 * status.
 *
 * @param deletions names of the schedule's TestRuns to delete: the active ones Replace ends, and
 *     finished ones beyond the history limits
 * @param create the TestRun due now; null for none
 * @param onCreated the Events of that creation, emitted only when the API server created it (not
 *     when a run of that name already exists)
 * @param status the new status
 * @param announcements the Events of the transitions from the status before to {@code status},
 *     emitted once it is written
 * @param requeueAfter when the next run is due; null for never (an invalid or suspended schedule)
 */
public record ScheduleDecision(List<String> deletions, TestRun create, List<Announcement> onCreated, TestRunScheduleStatus status,
    List<Announcement> announcements, Duration requeueAfter) {}
