package io.shardrun.operator.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.shardrun.crd.v1alpha1.ConcurrencyPolicy;
import io.shardrun.crd.v1alpha1.Phase;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.crd.v1alpha1.TestRunSchedule;
import io.shardrun.crd.v1alpha1.TestRunStatus;
import io.shardrun.operator.Events;
import io.shardrun.operator.cluster.ApiServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A schedule every minute against the mock API server (CRUD mode, stale status writes refused as a
 * real API server refuses them), the reconciler driven directly on a clock the test moves minute by
 * minute: every object it reads and writes goes through the server.
 */
class TestRunScheduleReconcilerTest {
  @RegisterExtension static final ApiServer API = new ApiServer();
  static int tests;
  final KubernetesClient client = API.client();
  TestClock clock;
  TestRunScheduleReconciler reconciler;
  String ns;
  /** The first minute boundary after the schedule was created: its first run's time. */
  Instant firstTime;

  @BeforeAll
  static void crds() {
    for (String crd : List.of("testruns", "testrunschedules")) {
      API.client().apiextensions().v1().customResourceDefinitions().load(Path.of("../crd/" + crd + ".shardrun.io-v1.yml").toFile())
          .createOr(c -> c.update());
    }
  }

  @BeforeEach
  void start() {
    ns = "sched" + (++tests);
  }

  /** Creates the schedule (the server sets its creationTimestamp) and sets the clock just after it. */
  void create(ConcurrencyPolicy policy, Integer successfulLimit, Integer failedLimit) {
    TestRunSchedule schedule = ScheduleDeciderTest.schedule("* * * * *");
    schedule.setMetadata(new ObjectMetaBuilder().withName("every-minute").withNamespace(ns).build());
    schedule.getSpec().setConcurrencyPolicy(policy);
    schedule.getSpec().setSuccessfulRunsHistoryLimit(successfulLimit);
    schedule.getSpec().setFailedRunsHistoryLimit(failedLimit);
    Instant created = Instant.parse(client.resource(schedule).create().getMetadata().getCreationTimestamp());
    clock = new TestClock(created.plusSeconds(1));
    firstTime = created.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    reconciler = new TestRunScheduleReconciler(new Events(client, clock), clock);
  }

  /** Moves the clock to {@code seconds} past the n-th scheduled minute (0 the first), then reconciles. */
  void reconcileAt(int minute, int seconds) {
    clock.set(firstTime.plus(Duration.ofMinutes(minute)).plusSeconds(seconds));
    reconcile();
  }

  void reconcile() {
    reconciler.reconcile(schedule(), client, runs(), written -> {});
  }

  TestRunSchedule schedule() {
    return client.resources(TestRunSchedule.class).inNamespace(ns).withName("every-minute").get();
  }

  List<TestRun> runs() {
    return client.resources(TestRun.class).inNamespace(ns).list().getItems().stream()
        .sorted(Comparator.comparing(r -> r.getMetadata().getName())).toList();
  }

  List<String> runNames() {
    return runs().stream().map(r -> r.getMetadata().getName()).toList();
  }

  String runFor(int minute) {
    return ScheduledRun.name("every-minute", firstTime.plus(Duration.ofMinutes(minute)));
  }

  /** What the TestRun operator writes when a run ends. */
  void finish(String name, Phase phase) {
    TestRun run = client.resources(TestRun.class).inNamespace(ns).withName(name).get();
    TestRunStatus status = new TestRunStatus();
    status.setPhase(phase);
    status.setCompletionTime(clock.instant().toString());
    run.setStatus(status);
    client.resource(run).updateStatus();
  }

  Map<String, Long> events() {
    return client.v1().events().inNamespace(ns).list().getItems().stream()
        .collect(Collectors.groupingBy(e -> e.getReason(), Collectors.counting()));
  }

  @Test
  void allowCreatesOneRunEachMinuteOnTime_andARepeatedReconcileCreatesNoSecond() {
    create(ConcurrencyPolicy.ALLOW, null, null);
    reconcileAt(-1, 30); // between creation and the first minute (or at creation)
    assertThat(runs()).isEmpty();
    for (int minute = 0; minute < 3; minute++) {
      reconcileAt(minute, 0);
      reconcileAt(minute, 20);
      assertThat(runNames()).as("after minute %d", minute).hasSize(minute + 1).contains(runFor(minute));
    }
    TestRun run = client.resources(TestRun.class).inNamespace(ns).withName(runFor(0)).get();
    assertThat(run.getMetadata().getLabels()).containsEntry("shardrun.io/schedule", "every-minute").containsEntry("team", "web");
    assertThat(run.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(owner -> assertThat(owner.getUid()).isEqualTo(schedule().getMetadata().getUid()));
    TestRunSchedule schedule = schedule();
    assertThat(schedule.getStatus().getActive()).containsExactly(runFor(0), runFor(1), runFor(2));
    assertThat(schedule.getStatus().getLastScheduleTime()).isEqualTo(firstTime.plus(Duration.ofMinutes(2)).toString());
    assertThat(events()).containsEntry("Created", 3L).doesNotContainKey("MissedSchedule");
  }

  @Test
  void forbidSkipsTheMinutesWhileARunIsActive_andSaysSoOnce() {
    create(ConcurrencyPolicy.FORBID, null, null);
    reconcileAt(0, 0);
    reconcileAt(1, 0);
    reconcileAt(1, 30);
    assertThat(runNames()).containsExactly(runFor(0));
    assertThat(events()).containsEntry("SkippedConcurrent", 1L);
    finish(runFor(0), Phase.Succeeded);
    reconcileAt(1, 40);
    assertThat(runNames()).as("a skipped minute does not run late").containsExactly(runFor(0));
    reconcileAt(2, 0);
    assertThat(runNames()).containsExactly(runFor(0), runFor(2));
    assertThat(schedule().getStatus().getLastSuccessfulRun()).isEqualTo(runFor(0));
  }

  @Test
  void replaceDeletesTheActiveRunThenCreatesTheNext() {
    create(ConcurrencyPolicy.REPLACE, null, null);
    reconcileAt(0, 0);
    reconcileAt(1, 0);
    assertThat(runNames()).containsExactly(runFor(1));
    assertThat(schedule().getStatus().getActive()).containsExactly(runFor(1));
    assertThat(events()).containsEntry("Replaced", 1L).containsEntry("Created", 2L);
  }

  @Test
  void historyLimitsDeleteTheOldestFinishedRuns() {
    create(ConcurrencyPolicy.ALLOW, 2, 1);
    for (int minute = 0; minute < 6; minute++) {
      reconcileAt(minute, 0);
      // Minutes 1 and 3 fail (Failed, then Error), the others succeed.
      finish(runFor(minute), minute == 1 ? Phase.Failed : minute == 3 ? Phase.Error : Phase.Succeeded);
    }
    reconcileAt(5, 30);
    assertThat(runNames()).containsExactlyInAnyOrder(runFor(3), runFor(4), runFor(5));
    assertThat(schedule().getStatus().getActive()).isEmpty();
    assertThat(schedule().getStatus().getLastSuccessfulRun()).isEqualTo(runFor(5));
  }

  @Test
  void tenMinutesOfOperatorDowntimeYieldOneRunNotTen() {
    create(ConcurrencyPolicy.ALLOW, null, null);
    reconcileAt(0, 0);
    reconcileAt(10, 5); // nothing reconciled for minutes 1 to 9
    reconcileAt(10, 30);
    assertThat(runNames()).containsExactlyInAnyOrder(runFor(0), runFor(10));
    assertThat(events()).containsEntry("MissedSchedule", 1L).containsEntry("Created", 2L);
  }

  @Test
  void anInvalidScheduleCreatesNothing_isReadyFalse_andWarnsOnce() {
    create(ConcurrencyPolicy.ALLOW, null, null);
    client.resources(TestRunSchedule.class).inNamespace(ns).withName("every-minute").edit(s -> {
      s.getSpec().setSchedule("every minute");
      return s;
    });
    reconcileAt(0, 0);
    reconcileAt(1, 0);
    assertThat(runs()).isEmpty();
    assertThat(schedule().getStatus().getConditions()).singleElement().satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo("False");
      assertThat(c.getReason()).isEqualTo("InvalidSchedule");
      assertThat(c.getMessage()).startsWith("spec.schedule: expected five cron fields");
    });
    assertThat(client.v1().events().inNamespace(ns).list().getItems()).singleElement()
        .satisfies(e -> assertThat(e.getType()).isEqualTo("Warning"));
  }
}
