package io.shardrun.operator.pipeline;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import io.shardrun.core.pipeline.StageRuns;
import io.shardrun.crd.v1alpha1.TestPipeline;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.operator.CreateOnce;
import io.shardrun.operator.Events;
import io.shardrun.operator.StatusWrite;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reconciles a TestPipeline: observe (the TestRuns it owns, the status last written) → decide
 * ({@link PipelineDecider}) → act (create the stage's TestRun, write the status, then the
 * Events). The TestRuns themselves are the TestRun reconciler's.
 */
@ControllerConfiguration(name = "testpipeline")
public final class TestPipelineReconciler implements Reconciler<TestPipeline> {

  /** How often a stage whose TestRun name another run holds looks again: a run made by hand is not watched. */
  private static final Duration NAME_RECHECK = Duration.ofSeconds(10);

  private final PipelineDecider decider = new PipelineDecider();
  private final Events events;
  private final Clock clock;

  public TestPipelineReconciler(Events events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  @Override
  public List<EventSource<?, TestPipeline>> prepareEventSources(EventSourceContext<TestPipeline> context) {
    return List.of(new InformerEventSource<>(InformerEventSourceConfiguration.from(TestRun.class, TestPipeline.class)
        .withLabelSelector(StageRuns.PIPELINE_LABEL)
        .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(TestPipeline.class)).build(), context));
  }

  @Override
  public UpdateControl<TestPipeline> reconcile(TestPipeline pipeline, Context<TestPipeline> context) {
    PipelineDecision decision = reconcile(pipeline, context.getClient(), context.getSecondaryResources(TestRun.class));
    return decision.waitsForAName() ? UpdateControl.<TestPipeline>noUpdate().rescheduleAfter(NAME_RECHECK) : UpdateControl.noUpdate();
  }

  /** One reconcile of {@code pipeline} as the cache shows it, with the TestRuns it owns. */
  PipelineDecision reconcile(TestPipeline pipeline, KubernetesClient client, Collection<TestRun> owned) {
    Map<String, TestRun> byName = owned.stream()
        .collect(Collectors.toMap(r -> r.getMetadata().getName(), Function.identity(), (a, b) -> a, HashMap::new));
    PipelineDecision decision = decider.decide(new PipelineObservation(pipeline, byName, clock.instant()));
    if (decision.create() != null) {
      TestRun existing = create(client, decision.create());
      if (existing != null) { // decided again with the run that has the name: ours the cache lags behind, or another's
        byName.put(existing.getMetadata().getName(), existing);
        decision = decider.decide(new PipelineObservation(pipeline, byName, clock.instant()));
      }
    }
    if (decision.status() == null || StatusWrite.unchanged(pipeline.getStatus(), decision.status())) {
      return decision;
    }
    StatusWrite.update(client, pipeline, new TestPipeline(), decision.status());
    decision.announcements().forEach(announcement -> events.record(pipeline, announcement));
    return decision;
  }

  /**
   * Creates the stage's TestRun unless one of its name exists: the cache may not show the one an
   * earlier reconcile created, nor one made by hand without the pipeline's label.
   *
   * @return null when created, else the TestRun that has the name
   */
  private static TestRun create(KubernetesClient client, TestRun run) {
    if (CreateOnce.create(client, run)) {
      return null;
    }
    TestRun existing = client.resource(run).get();
    if (existing == null) { // deleted in between: the retried reconcile creates it
      throw new IllegalStateException("TestRun " + run.getMetadata().getName() + " was deleted as it was being created");
    }
    return existing;
  }
}
