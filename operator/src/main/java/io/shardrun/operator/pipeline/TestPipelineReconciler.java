package io.shardrun.operator.pipeline;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
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
import io.shardrun.operator.Events;
import io.shardrun.operator.StatusWrite;
import java.time.Clock;
import java.util.Collection;
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
    reconcile(pipeline, context.getClient(), context.getSecondaryResources(TestRun.class));
    return UpdateControl.noUpdate();
  }

  /** One reconcile of {@code pipeline} as the cache shows it, with the TestRuns it owns. */
  void reconcile(TestPipeline pipeline, KubernetesClient client, Collection<TestRun> owned) {
    Map<String, TestRun> byName = owned.stream().collect(Collectors.toMap(r -> r.getMetadata().getName(), Function.identity()));
    PipelineDecision decision = decider.decide(new PipelineObservation(pipeline, byName, clock.instant()));
    if (decision.create() != null) {
      create(client, decision.create());
    }
    if (decision.status() == null || StatusWrite.unchanged(pipeline.getStatus(), decision.status())) {
      return;
    }
    StatusWrite.update(client, pipeline, new TestPipeline(), decision.status());
    decision.announcements().forEach(announcement -> events.record(pipeline, announcement));
  }

  /** Creates the stage's TestRun unless it exists: the cache may not show the one an earlier reconcile created. */
  private static void create(KubernetesClient client, TestRun run) {
    try {
      client.resource(run).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
    }
  }
}
