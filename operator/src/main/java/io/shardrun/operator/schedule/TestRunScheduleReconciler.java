package io.shardrun.operator.schedule;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.crd.v1alpha1.TestRunSchedule;
import io.shardrun.operator.Events;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reconciles a TestRunSchedule as a CronJob's controller does its CronJob: observe (the TestRuns
 * it owns) → decide ({@link ScheduleDecider}, pure) → act ({@link ScheduleActuator}), then look
 * again when the next run is due.
 */
@ControllerConfiguration(name = "testrunschedule")
public final class TestRunScheduleReconciler implements Reconciler<TestRunSchedule> {
  private final ScheduleDecider decider;
  private final ScheduleActuator actuator;

  public TestRunScheduleReconciler(Events events, Clock clock) {
    this.decider = new ScheduleDecider(clock);
    this.actuator = new ScheduleActuator(events);
  }

  @Override
  public List<EventSource<?, TestRunSchedule>> prepareEventSources(EventSourceContext<TestRunSchedule> context) {
    return List.of(new InformerEventSource<>(InformerEventSourceConfiguration.from(TestRun.class, TestRunSchedule.class)
        .withLabelSelector(ScheduledRun.SCHEDULE_LABEL).build(), context));
  }

  @Override
  public UpdateControl<TestRunSchedule> reconcile(TestRunSchedule schedule, Context<TestRunSchedule> context) {
    return reconcile(schedule, context.getClient(), context.getSecondaryResources(TestRun.class),
        written -> context.eventSourceRetriever().getControllerEventSource()
            .handleRecentResourceUpdate(ResourceID.fromResource(schedule), written, schedule));
  }

  /**
   * One reconcile of {@code schedule} as the cache shows it.
   *
   * @param runs TestRuns of the schedule's namespace; those it does not own are left out
   * @param written told of the status as written
   */
  UpdateControl<TestRunSchedule> reconcile(TestRunSchedule schedule, KubernetesClient client, Collection<TestRun> runs,
      Consumer<TestRunSchedule> written) {
    List<ScheduledRun> owned = runs.stream()
        .filter(run -> run.getMetadata().getOwnerReferences().stream()
            .anyMatch(owner -> Objects.equals(owner.getUid(), schedule.getMetadata().getUid())))
        .map(ScheduledRun::of).filter(Objects::nonNull).toList();
    ScheduleDecision decision = decider.decide(schedule, owned);
    actuator.apply(schedule, decision, client, written);
    UpdateControl<TestRunSchedule> control = UpdateControl.noUpdate();
    return decision.requeueAfter() == null ? control : control.rescheduleAfter(decision.requeueAfter());
  }
}
