package io.shardrun.operator.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.shardrun.crd.v1alpha1.ConcurrencyPolicy;
import io.shardrun.crd.v1alpha1.Phase;
import io.shardrun.crd.v1alpha1.SuiteSource;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.crd.v1alpha1.TestRunSchedule;
import io.shardrun.crd.v1alpha1.TestRunScheduleSpec;
import io.shardrun.crd.v1alpha1.TestRunSpec;
import io.shardrun.crd.v1alpha1.TestRunTemplate;
import io.shardrun.operator.decide.Announcement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure decide step of a schedule, on a clock the test sets. */
class ScheduleDeciderTest {
  static final Instant CREATED = Instant.parse("2025-03-01T09:00:30Z");
  final TestClock clock = new TestClock(CREATED);
  final ScheduleDecider decider = new ScheduleDecider(clock);

  static TestRunSchedule schedule(String cron) {
    TestRunSchedule schedule = new TestRunSchedule();
    schedule.setMetadata(new ObjectMetaBuilder().withName("nightly").withNamespace("qa").withUid("uid-1").withGeneration(1L)
        .withCreationTimestamp(CREATED.toString()).build());
    TestRunScheduleSpec spec = new TestRunScheduleSpec();
    spec.setSchedule(cron);
    TestRunTemplate template = new TestRunTemplate();
    template.getMetadata().setLabels(Map.of("team", "web"));
    template.getMetadata().setAnnotations(Map.of("owner", "qa@example.com"));
    TestRunSpec runSpec = new TestRunSpec();
    SuiteSource suite = new SuiteSource();
    suite.setConfigMap("demo-suite");
    runSpec.setSuite(suite);
    template.setSpec(runSpec);
    spec.setTemplate(template);
    schedule.setSpec(spec);
    return schedule;
  }

  static ScheduledRun run(String time, Phase phase) {
    Instant at = Instant.parse(time);
    return new ScheduledRun(ScheduledRun.name("nightly", at), at, phase, phase != null && phase.isFinal() ? at.plusSeconds(30) : null);
  }

  /** Decides, and carries the new status over as the API server would keep it. */
  ScheduleDecision decide(TestRunSchedule schedule, List<ScheduledRun> runs) {
    ScheduleDecision decision = decider.decide(schedule, runs);
    schedule.setStatus(decision.status());
    return decision;
  }

  static List<String> reasons(List<Announcement> announcements) {
    return announcements.stream().map(Announcement::reason).toList();
  }

  @Test
  void nothingIsDueBeforeTheFirstScheduledTime_andTheRequeueIsForIt() {
    ScheduleDecision decision = decide(schedule("* * * * *"), List.of());
    assertThat(decision.create()).isNull();
    assertThat(decision.requeueAfter()).isEqualTo(Duration.ofSeconds(30));
    assertThat(ready(decision)).satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo("True");
      assertThat(c.getMessage()).isEqualTo("next run at 2025-03-01T09:01:00Z");
    });
  }

  @Test
  void aDueTimeCreatesOneRunNamedForItFromTheTemplate_ownedAndLabelled() {
    TestRunSchedule schedule = schedule("* * * * *");
    clock.set(Instant.parse("2025-03-01T09:01:02Z"));
    ScheduleDecision decision = decide(schedule, List.of());
    TestRun run = decision.create();
    assertThat(run.getMetadata().getName()).isEqualTo("nightly-" + Instant.parse("2025-03-01T09:01:00Z").getEpochSecond() / 60);
    assertThat(run.getMetadata().getNamespace()).isEqualTo("qa");
    assertThat(run.getMetadata().getLabels()).containsEntry("team", "web").containsEntry("shardrun.io/schedule", "nightly");
    assertThat(run.getMetadata().getAnnotations()).containsEntry("owner", "qa@example.com")
        .containsEntry("shardrun.io/scheduled-at", "2025-03-01T09:01:00Z");
    assertThat(run.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
      assertThat(owner.getKind()).isEqualTo("TestRunSchedule");
      assertThat(owner.getUid()).isEqualTo("uid-1");
      assertThat(owner.getController()).isTrue();
    });
    assertThat(run.getSpec().getSuite().getConfigMap()).isEqualTo("demo-suite");
    assertThat(run.getSpec()).isNotSameAs(schedule.getSpec().getTemplate().getSpec());
    assertThat(reasons(decision.onCreated())).containsExactly("Created");
    assertThat(decision.status().getLastScheduleTime()).isEqualTo("2025-03-01T09:01:00Z");
    assertThat(decision.status().getActive()).containsExactly(run.getMetadata().getName());
    assertThat(decision.requeueAfter()).isEqualTo(Duration.ofSeconds(58));
  }

  @Test
  void aRunForTheTimeAlreadyObserved_evenWithAStatusThatDoesNotShowIt_isNotCreatedAgain() {
    TestRunSchedule schedule = schedule("* * * * *");
    clock.set(Instant.parse("2025-03-01T09:01:40Z"));
    ScheduleDecision decision = decider.decide(schedule, List.of(run("2025-03-01T09:01:00Z", null))); // status not carried over
    assertThat(decision.create()).isNull();
    assertThat(decision.status().getLastScheduleTime()).isEqualTo("2025-03-01T09:01:00Z");
  }

  @Test
  void afterDowntimeOnlyTheLatestMissedTimeRuns_withAWarningCountingTheOthers() {
    TestRunSchedule schedule = schedule("* * * * *");
    clock.set(Instant.parse("2025-03-01T09:10:05Z"));
    ScheduleDecision decision = decide(schedule, List.of());
    assertThat(decision.create().getMetadata().getAnnotations()).containsEntry("shardrun.io/scheduled-at", "2025-03-01T09:10:00Z");
    assertThat(decision.onCreated()).extracting(Announcement::reason, Announcement::warning)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("MissedSchedule", true), org.assertj.core.groups.Tuple.tuple("Created", false));
    assertThat(decision.onCreated().get(0).message()).startsWith("9 earlier scheduled times were missed");
  }

  @Test
  void moreThanAHundredMissedTimesStillRunTheLatestOnce() {
    TestRunSchedule schedule = schedule("* * * * *");
    clock.set(Instant.parse("2025-03-04T12:00:10Z")); // three days of minutes
    ScheduleDecision decision = decide(schedule, List.of());
    assertThat(decision.create().getMetadata().getAnnotations()).containsEntry("shardrun.io/scheduled-at", "2025-03-04T12:00:00Z");
    assertThat(decision.onCreated().get(0).message()).startsWith("more than 100 earlier scheduled times were missed");
  }

  @Test
  void aTimeMissedByMoreThanTheStartingDeadlineIsSkippedAndAnnouncedOnce() {
    TestRunSchedule schedule = schedule("0 * * * *");
    schedule.getSpec().setStartingDeadlineSeconds(120L);
    clock.set(Instant.parse("2025-03-01T10:03:00Z"));
    ScheduleDecision late = decide(schedule, List.of());
    assertThat(late.create()).isNull();
    assertThat(reasons(late.announcements())).containsExactly("MissedSchedule");
    assertThat(late.announcements().get(0).message()).contains("spec.startingDeadlineSeconds (120s)");
    assertThat(late.status().getLastSkippedTime()).isEqualTo("2025-03-01T10:00:00Z");

    clock.set(Instant.parse("2025-03-01T10:30:00Z"));
    assertThat(decide(schedule, List.of()).announcements()).isEmpty();

    clock.set(Instant.parse("2025-03-01T11:01:59Z")); // within the deadline
    assertThat(decide(schedule, List.of()).create()).isNotNull();
  }

  @Test
  void forbidSkipsADueTimeWhileARunIsActive_onceAndForGood() {
    TestRunSchedule schedule = schedule("* * * * *");
    schedule.getSpec().setConcurrencyPolicy(ConcurrencyPolicy.FORBID);
    List<ScheduledRun> running = List.of(run("2025-03-01T09:01:00Z", Phase.Running));
    clock.set(Instant.parse("2025-03-01T09:02:01Z"));
    ScheduleDecision skipped = decide(schedule, running);
    assertThat(skipped.create()).isNull();
    assertThat(reasons(skipped.announcements())).containsExactly("SkippedConcurrent");
    assertThat(skipped.announcements().get(0).message()).contains("nightly-" + Instant.parse("2025-03-01T09:01:00Z").getEpochSecond() / 60);
    assertThat(decide(schedule, running).announcements()).as("announced once").isEmpty();

    // The run finishes before the next time: the skipped time does not run late.
    List<ScheduledRun> finished = List.of(run("2025-03-01T09:01:00Z", Phase.Succeeded));
    clock.set(Instant.parse("2025-03-01T09:02:40Z"));
    assertThat(decide(schedule, finished).create()).isNull();
    clock.set(Instant.parse("2025-03-01T09:03:00Z"));
    assertThat(decide(schedule, finished).create()).isNotNull();
  }

  @Test
  void replaceDeletesTheActiveRunsThenCreates() {
    TestRunSchedule schedule = schedule("* * * * *");
    schedule.getSpec().setConcurrencyPolicy(ConcurrencyPolicy.REPLACE);
    ScheduledRun running = run("2025-03-01T09:01:00Z", Phase.Running);
    clock.set(Instant.parse("2025-03-01T09:02:01Z"));
    ScheduleDecision decision = decide(schedule, List.of(running));
    assertThat(decision.deletions()).containsExactly(running.name());
    assertThat(decision.create()).isNotNull();
    assertThat(reasons(decision.onCreated())).containsExactly("Replaced", "Created");
    assertThat(decision.status().getActive()).containsExactly(decision.create().getMetadata().getName());
  }

  @Test
  void allowCreatesBesideActiveRuns() {
    TestRunSchedule schedule = schedule("* * * * *");
    ScheduledRun running = run("2025-03-01T09:01:00Z", Phase.Running);
    clock.set(Instant.parse("2025-03-01T09:02:01Z"));
    ScheduleDecision decision = decide(schedule, List.of(running));
    assertThat(decision.deletions()).isEmpty();
    assertThat(decision.status().getActive()).containsExactly(running.name(), decision.create().getMetadata().getName());
  }

  @Test
  void historyLimitsDeleteTheOldestFinishedRuns_failedAndErrorCountingAsFailed() {
    TestRunSchedule schedule = schedule("0 0 1 1 *");
    schedule.getSpec().setSuccessfulRunsHistoryLimit(2);
    schedule.getSpec().setFailedRunsHistoryLimit(1);
    List<ScheduledRun> runs = List.of(run("2025-03-01T09:01:00Z", Phase.Succeeded), run("2025-03-01T09:02:00Z", Phase.Failed),
        run("2025-03-01T09:03:00Z", Phase.Succeeded), run("2025-03-01T09:04:00Z", Phase.Error),
        run("2025-03-01T09:05:00Z", Phase.Succeeded), run("2025-03-01T09:06:00Z", Phase.Running));
    clock.set(Instant.parse("2025-03-01T09:07:00Z"));
    ScheduleDecision decision = decide(schedule, runs);
    assertThat(decision.deletions()).containsExactly(runs.get(0).name(), runs.get(1).name());
    assertThat(decision.status().getLastSuccessfulRun()).isEqualTo(runs.get(4).name());
    assertThat(decision.status().getLastSuccessfulTime()).isEqualTo("2025-03-01T09:05:30Z");
    assertThat(decision.status().getActive()).containsExactly(runs.get(5).name());
  }

  @Test
  void suspendCreatesNothingAndLetsActiveRunsGoOn() {
    TestRunSchedule schedule = schedule("* * * * *");
    schedule.getSpec().setSuspend(true);
    ScheduledRun running = run("2025-03-01T09:01:00Z", Phase.Running);
    clock.set(Instant.parse("2025-03-01T09:05:00Z"));
    ScheduleDecision decision = decide(schedule, List.of(running));
    assertThat(decision.create()).isNull();
    assertThat(decision.deletions()).isEmpty();
    assertThat(decision.status().getActive()).containsExactly(running.name());
    assertThat(ready(decision).getReason()).isEqualTo("Suspended");
  }

  @Test
  void anInvalidCronIsReadyFalseNamingTheField_announcedOnce_andCreatesNothing() {
    TestRunSchedule schedule = schedule("61 * * * *");
    clock.set(Instant.parse("2025-03-01T10:00:00Z"));
    ScheduleDecision decision = decide(schedule, List.of());
    assertThat(decision.create()).isNull();
    assertThat(decision.requeueAfter()).isNull();
    assertThat(ready(decision)).satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo("False");
      assertThat(c.getReason()).isEqualTo("InvalidSchedule");
      assertThat(c.getMessage()).startsWith("spec.schedule: expected five cron fields").contains("found '61 * * * *'");
    });
    assertThat(reasons(decision.announcements())).containsExactly("InvalidSchedule");
    assertThat(decide(schedule, List.of()).announcements()).isEmpty();
  }

  @Test
  void anUnknownTimeZoneIsReadyFalseNamingTheField() {
    TestRunSchedule schedule = schedule("0 2 * * *");
    schedule.getSpec().setTimeZone("Mars/Olympus");
    ScheduleDecision decision = decide(schedule, List.of());
    assertThat(ready(decision).getMessage()).startsWith("spec.timeZone: expected an IANA time zone name").contains("'Mars/Olympus'");
    assertThat(decision.announcements()).singleElement().satisfies(a -> assertThat(a.warning()).isTrue());
  }

  @Test
  void macrosAreAccepted() {
    for (String macro : List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly")) {
      assertThat(CronTimes.parse(macro, "UTC").problem()).as(macro).isNull();
    }
    assertThat(CronTimes.parse("@hourly", "UTC").times().next(CREATED)).contains(Instant.parse("2025-03-01T10:00:00Z"));
    assertThat(CronTimes.parse("@every 5m", "UTC").problem()).startsWith("spec.schedule:");
  }

  @Test
  void aScheduleIsReadInItsTimeZone_acrossTheDaylightSavingChange() {
    CronTimes berlinAtNine = CronTimes.parse("0 9 * * *", "Europe/Berlin").times();
    // 30 March 2025: Berlin goes from UTC+1 to UTC+2.
    assertThat(berlinAtNine.next(Instant.parse("2025-03-29T12:00:00Z"))).contains(Instant.parse("2025-03-30T07:00:00Z"));
    assertThat(berlinAtNine.next(Instant.parse("2025-03-28T12:00:00Z"))).contains(Instant.parse("2025-03-29T08:00:00Z"));
    // 02:30 does not exist on that day in Berlin.
    List<Instant> times = new ArrayList<>();
    CronTimes halfPastTwo = CronTimes.parse("30 2 * * *", "Europe/Berlin").times();
    Instant t = Instant.parse("2025-03-28T12:00:00Z");
    for (int i = 0; i < 3; i++) {
      t = halfPastTwo.next(t).orElseThrow();
      times.add(t);
    }
    assertThat(times).containsExactly(Instant.parse("2025-03-29T01:30:00Z"), Instant.parse("2025-03-31T00:30:00Z"),
        Instant.parse("2025-04-01T00:30:00Z"));
  }

  @Test
  void aNameTooLongForItsRunsIsInvalid() {
    TestRunSchedule schedule = schedule("* * * * *");
    schedule.getMetadata().setName("n".repeat(53));
    assertThat(ready(decide(schedule, List.of())).getMessage()).startsWith("metadata.name: expected at most 52 characters");
  }

  static Condition ready(ScheduleDecision decision) {
    return decision.status().getConditions().stream().filter(c -> c.getType().equals("Ready")).findFirst().orElseThrow();
  }
}
