package io.shardrun.operator;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
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
import io.shardrun.core.render.JobRenderer;
import io.shardrun.core.render.Labels;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.operator.decide.CapQueue;
import io.shardrun.operator.decide.Decision;
import io.shardrun.operator.decide.RunDecider;
import io.shardrun.operator.decide.RunObservation;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reconciles a TestRun: observe (plan, Jobs, pods, the status last written) → decide (one pure
 * function: the new status, the Events, the actions) → act (one place carries them out). The
 * plan ConfigMap, once written, is the run's plan: a restarted operator reads it back and never
 * plans twice.
 */
@ControllerConfiguration(name = "testrun")
public final class TestRunReconciler implements Reconciler<TestRun> {
  private final RunMemory memory = new RunMemory();
  private final RunObserver observer = new RunObserver(memory);
  private final RunDecider decider;
  private final RunActuator actuator;
  private final Clock clock;
  private final ShardSlots slots;

  TestRunReconciler(JobRenderer renderer, Events events, RunMetrics metrics, Clock clock, ShardSlots slots) {
    this.decider = new RunDecider(renderer);
    this.actuator = new RunActuator(renderer, events, metrics, memory, slots);
    this.clock = clock;
    this.slots = slots;
  }

  @Override
  public List<EventSource<?, TestRun>> prepareEventSources(EventSourceContext<TestRun> context) {
    InformerEventSource<Job, TestRun> jobs = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(Job.class, TestRun.class).withLabelSelector(Labels.TESTRUN).build(), context);
    InformerEventSource<Pod, TestRun> pods = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(Pod.class, TestRun.class).withLabelSelector(Labels.TESTRUN)
            .withSecondaryToPrimaryMapper(pod -> Optional.ofNullable(pod.getMetadata().getAnnotations())
                .map(a -> a.get(JobRenderer.TESTRUN_ANNOTATION))
                .map(name -> Set.of(new ResourceID(name, pod.getMetadata().getNamespace())))
                .orElse(Set.of()))
            .build(), context);
    return List.of(jobs, pods);
  }

  @Override
  public UpdateControl<TestRun> reconcile(TestRun run, Context<TestRun> context) {
    @SuppressWarnings("unchecked")
    InformerEventSource<Job, TestRun> allJobs = (InformerEventSource<Job, TestRun>) context.eventSourceRetriever().getEventSourceFor(Job.class);
    return slots.inTurn(() -> reconcile(run, context.getClient(), context.getSecondaryResources(Job.class),
        context.getSecondaryResources(Pod.class),
        written -> context.eventSourceRetriever().getControllerEventSource().handleRecentResourceUpdate(ResourceID.fromResource(run), written, run),
        slots.room(run, allJobs.list().toList(), context.getPrimaryCache().list().toList())));
  }

  /**
   * One reconcile of {@code run} as the cache shows it.
   *
   * @param written told of the status as written
   * @param capRoom its room under the operator's cap on running shards; null without a cap
   */
  UpdateControl<TestRun> reconcile(TestRun run, KubernetesClient client, Collection<Job> jobs, Collection<Pod> pods,
      Consumer<TestRun> written, CapQueue.Room capRoom) {
    Instant now = clock.instant();
    Decision decision;
    if (run.getStatus() != null && run.getStatus().getPhase() != null && run.getStatus().getPhase().isFinal()) {
      decision = decider.afterFinish(run, RunObserver.owned(run, jobs), now); // its status is kept, even after its Jobs are gone
      actuator.apply(run, decision, client, written);
    } else {
      RunObservation observed = observer.observe(run, client, jobs, pods, now);
      observed = capRoom == null || observed.blocker() != null ? observed : observed.withCapRoom(capRoom);
      decision = decider.decide(observed);
      try {
        actuator.apply(run, decision, client, written);
      } catch (RunActuator.Rejected e) {
        decision = decider.decide(observed.refused("Rejected", e.getMessage()));
        actuator.apply(run, decision, client, written);
      }
    }
    UpdateControl<TestRun> control = UpdateControl.noUpdate();
    return decision.requeueAfter() == null ? control : control.rescheduleAfter(decision.requeueAfter());
  }
}
