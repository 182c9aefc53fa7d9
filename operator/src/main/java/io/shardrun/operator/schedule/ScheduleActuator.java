package io.shardrun.operator.schedule;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.crd.v1alpha1.TestRunSchedule;
import io.shardrun.operator.CreateOnce;
import io.shardrun.operator.Events;
import io.shardrun.operator.StatusWrite;
import java.util.function.Consumer;

/**
 * The act step of a schedule's reconcile, the one place that changes the cluster: deletes, creates,
 * then writes the status with the resourceVersion it was decided from (a stale one is refused, 409,
 * and nothing is announced). A run that already exists was created by an earlier reconcile whose
 * result the cache did not show yet: it is neither created again nor announced again.
 */
public final class ScheduleActuator {
  private final Events events;

  public ScheduleActuator(Events events) {
    this.events = events;
  }

  /** @param written told of the status as written, so the next reconcile sees it before the informer does */
  public void apply(TestRunSchedule schedule, ScheduleDecision decision, KubernetesClient client, Consumer<TestRunSchedule> written) {
    String namespace = schedule.getMetadata().getNamespace();
    for (String name : decision.deletions()) {
      client.resources(TestRun.class).inNamespace(namespace).withName(name).delete(); // already gone is fine
    }
    if (decision.create() != null && CreateOnce.create(client, decision.create())) {
      decision.onCreated().forEach(announcement -> events.record(schedule, announcement));
    }
    if (StatusWrite.unchanged(schedule.getStatus(), decision.status())) {
      return;
    }
    written.accept(StatusWrite.update(client, schedule, new TestRunSchedule(), decision.status()));
    decision.announcements().forEach(announcement -> events.record(schedule, announcement));
  }
}
