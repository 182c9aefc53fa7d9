package io.shardrun.operator.schedule;

import io.fabric8.kubernetes.api.model.Condition;
import io.shardrun.crd.v1alpha1.ConcurrencyPolicy;
import io.shardrun.crd.v1alpha1.Phase;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.crd.v1alpha1.TestRunSchedule;
import io.shardrun.crd.v1alpha1.TestRunScheduleSpec;
import io.shardrun.crd.v1alpha1.TestRunScheduleStatus;
import io.shardrun.operator.decide.Announcement;
import io.shardrun.operator.decide.Conditions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The decide step of a schedule's reconcile, a pure function of the schedule, the TestRuns it
 * created and the time: which run is due, which runs go, the new status and its Events. As a
 * CronJob's controller: only the latest missed time runs, never a burst of catch-up runs.
 *
 * <p>Where the schedule stands is derived from its runs as well as from its status: a run's name
 * and its {@code shardrun.io/scheduled-at} annotation say which time it was for, so a status the
 * cache does not show yet never leads to a second run for the same time.
 */
public final class ScheduleDecider {
  public static final String INVALID_SCHEDULE = "InvalidSchedule";
  private final Clock clock;

  public ScheduleDecider(Clock clock) {
    this.clock = clock;
  }

  /** @param runs the TestRuns {@code schedule} owns, as observed */
  public ScheduleDecision decide(TestRunSchedule schedule, List<ScheduledRun> runs) {
    Instant now = clock.instant();
    TestRunScheduleSpec spec = schedule.getSpec();
    TestRunScheduleStatus before = schedule.getStatus() == null ? new TestRunScheduleStatus() : schedule.getStatus();
    List<ScheduledRun> byTime = runs.stream().sorted(Comparator.comparing(ScheduledRun::scheduledTime)).toList();
    List<ScheduledRun> active = byTime.stream().filter(r -> !r.finished()).toList();
    TestRunScheduleStatus status = carriedOver(schedule, before, byTime);
    List<String> deletions = new ArrayList<>(beyondHistoryLimits(spec, byTime));
    List<Announcement> announcements = new ArrayList<>();

    CronTimes.Parsed parsed = CronTimes.parse(spec.getSchedule(), spec.getTimeZone());
    String problem = parsed.problem() != null ? parsed.problem() : nameProblem(schedule);
    if (problem != null) {
      String message = problem + "; no runs are created until it is fixed";
      Condition previous = Conditions.find(before.getConditions(), Conditions.READY);
      if (previous == null || !INVALID_SCHEDULE.equals(previous.getReason()) || !message.equals(previous.getMessage())) {
        announcements.add(Announcement.warning(INVALID_SCHEDULE, problem));
      }
      ready(status, schedule, false, INVALID_SCHEDULE, message, now);
      status.setActive(names(active));
      return new ScheduleDecision(deletions, null, List.of(), status, announcements, null);
    }
    CronTimes times = parsed.times();
    Optional<Instant> next = times.next(now);
    Duration requeue = next.map(t -> Duration.between(now, t)).filter(d -> !Boolean.TRUE.equals(spec.getSuspend())).orElse(null);
    if (Boolean.TRUE.equals(spec.getSuspend())) {
      ready(status, schedule, true, "Suspended", "spec.suspend is true: no new runs; runs already started go on", now);
      status.setActive(names(active));
      return new ScheduleDecision(deletions, null, List.of(), status, announcements, null);
    }
    ready(status, schedule, true, "Scheduled", next.map(t -> "next run at " + t).orElse("the schedule names no future time"), now);

    Optional<CronTimes.Due> due = times.latest(since(schedule, status), now);
    if (due.isEmpty()) {
      status.setActive(names(active));
      return new ScheduleDecision(deletions, null, List.of(), status, announcements, requeue);
    }
    Instant time = due.get().time();
    Long deadline = spec.getStartingDeadlineSeconds();
    if (deadline != null && Duration.between(time, now).getSeconds() > deadline) {
      skip(status, before, time, announcements, Announcement.warning("MissedSchedule", "the run due at " + time
          + " was missed by more than spec.startingDeadlineSeconds (" + deadline + "s) and is skipped"));
      status.setActive(names(active));
      return new ScheduleDecision(deletions, null, List.of(), status, announcements, requeue);
    }
    if (spec.getConcurrencyPolicy() == ConcurrencyPolicy.FORBID && !active.isEmpty()) {
      skip(status, before, time, announcements, Announcement.normal("SkippedConcurrent", "the run due at " + time
          + " is skipped: spec.concurrencyPolicy is Forbid and " + String.join(", ", names(active)) + " has not finished"));
      status.setActive(names(active));
      return new ScheduleDecision(deletions, null, List.of(), status, announcements, requeue);
    }

    TestRun create = ScheduledRun.desired(schedule, time);
    List<Announcement> onCreated = new ArrayList<>();
    if (due.get().count() > 1) {
      String missed = due.get().countCapped() ? "more than " + CronTimes.MISSED_COUNT_LIMIT : Integer.toString(due.get().count() - 1);
      onCreated.add(Announcement.warning("MissedSchedule", missed + " earlier scheduled times were missed (operator down or"
          + " schedule suspended); only the latest, " + time + ", runs"));
    }
    List<ScheduledRun> stillActive = active;
    if (spec.getConcurrencyPolicy() == ConcurrencyPolicy.REPLACE && !active.isEmpty()) {
      deletions.addAll(0, names(active));
      onCreated.add(Announcement.normal("Replaced", "deleted " + String.join(", ", names(active))
          + " (spec.concurrencyPolicy is Replace) to start " + create.getMetadata().getName()));
      stillActive = List.of();
    }
    onCreated.add(Announcement.normal("Created", "created TestRun " + create.getMetadata().getName() + " for " + time));
    status.setLastScheduleTime(time.toString());
    status.setActive(Stream.concat(names(stillActive).stream(), Stream.of(create.getMetadata().getName())).distinct().toList());
    return new ScheduleDecision(deletions, create, onCreated, status, announcements, requeue);
  }

  /**
   * The status fields that follow from the runs alone. The latest schedule time is the later of
   * the status's and the runs' own, so a status write the cache does not show yet is no gap.
   */
  private static TestRunScheduleStatus carriedOver(TestRunSchedule schedule, TestRunScheduleStatus before, List<ScheduledRun> byTime) {
    TestRunScheduleStatus status = new TestRunScheduleStatus();
    status.setObservedGeneration(schedule.getMetadata().getGeneration());
    status.setConditions(before.getConditions());
    status.setLastSkippedTime(before.getLastSkippedTime());
    status.setLastScheduleTime(Stream.concat(Stream.ofNullable(before.getLastScheduleTime()).map(Instant::parse),
        byTime.stream().map(ScheduledRun::scheduledTime)).max(Comparator.naturalOrder()).map(Instant::toString).orElse(null));
    status.setLastSuccessfulTime(before.getLastSuccessfulTime());
    status.setLastSuccessfulRun(before.getLastSuccessfulRun());
    byTime.stream().filter(r -> r.phase() == Phase.Succeeded && r.completionTime() != null)
        .max(Comparator.comparing(ScheduledRun::completionTime))
        .filter(r -> before.getLastSuccessfulTime() == null || r.completionTime().isAfter(Instant.parse(before.getLastSuccessfulTime())))
        .ifPresent(r -> {
          status.setLastSuccessfulTime(r.completionTime().toString());
          status.setLastSuccessfulRun(r.name());
        });
    return status;
  }

  /** Runs are due after this: the latest time that created a run or was skipped, else the schedule's creation. */
  private static Instant since(TestRunSchedule schedule, TestRunScheduleStatus status) {
    return Stream.of(status.getLastScheduleTime(), status.getLastSkippedTime(), schedule.getMetadata().getCreationTimestamp())
        .filter(Objects::nonNull).map(Instant::parse).max(Comparator.naturalOrder()).orElseThrow();
  }

  /** The oldest finished runs beyond each history limit; Failed and Error count as failed. */
  private static List<String> beyondHistoryLimits(TestRunScheduleSpec spec, List<ScheduledRun> byTime) {
    List<String> out = new ArrayList<>(oldestBeyond(byTime.stream().filter(r -> r.phase() == Phase.Succeeded).toList(),
        spec.getSuccessfulRunsHistoryLimit()));
    out.addAll(oldestBeyond(byTime.stream().filter(r -> r.finished() && r.phase() != Phase.Succeeded).toList(),
        spec.getFailedRunsHistoryLimit()));
    return out;
  }

  private static List<String> oldestBeyond(List<ScheduledRun> oldestFirst, int limit) {
    return names(oldestFirst.subList(0, Math.max(0, oldestFirst.size() - limit)));
  }

  /** A skipped time is announced once: when it first becomes the status's lastSkippedTime. */
  private static void skip(TestRunScheduleStatus status, TestRunScheduleStatus before, Instant time, List<Announcement> announcements,
      Announcement announcement) {
    status.setLastSkippedTime(time.toString());
    if (!time.toString().equals(before.getLastSkippedTime())) {
      announcements.add(announcement);
    }
  }

  /** The name a schedule's runs are named after must leave room for the minutes, as the CRD's own rule says. */
  private static String nameProblem(TestRunSchedule schedule) {
    String name = schedule.getMetadata().getName();
    return name.length() <= TestRunSchedule.MAX_NAME ? null : "metadata.name: expected at most " + TestRunSchedule.MAX_NAME
        + " characters, so that the names of its TestRuns (NAME-MINUTES) stay within 63; found " + name.length();
  }

  private static void ready(TestRunScheduleStatus status, TestRunSchedule schedule, boolean ready, String reason, String message,
      Instant now) {
    status.setConditions(Conditions.set(status.getConditions(), Conditions.READY, ready, reason, message,
        schedule.getMetadata().getGeneration() == null ? 0 : schedule.getMetadata().getGeneration(), now.toString()));
  }

  private static List<String> names(List<ScheduledRun> runs) {
    return runs.stream().map(ScheduledRun::name).toList();
  }
}
