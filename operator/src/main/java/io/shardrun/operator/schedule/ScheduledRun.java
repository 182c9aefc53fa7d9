package io.shardrun.operator.schedule;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.shardrun.crd.v1alpha1.Phase;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.crd.v1alpha1.TestRunSchedule;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A TestRun a schedule created, as the schedule's controller sees it.
 *
 * @param scheduledTime the time it was created for (annotation {@value #SCHEDULED_AT})
 * @param phase null until the TestRun's operator has written one
 * @param completionTime null until it finished
 */
public record ScheduledRun(String name, Instant scheduledTime, Phase phase, Instant completionTime) {
  /** Every TestRun a schedule creates carries the schedule's name in this label. */
  public static final String SCHEDULE_LABEL = "shardrun.io/schedule";
  /** The scheduled time a TestRun was created for (RFC 3339), as CronJob's Jobs carry theirs. */
  public static final String SCHEDULED_AT = "shardrun.io/scheduled-at";
  private static final KubernetesSerialization COPIER = new KubernetesSerialization();

  public boolean finished() {
    return phase != null && phase.isFinal();
  }

  /**
   * The name of the run for {@code time}: the schedule's name and the minutes since the epoch, as
   * a CronJob names its Jobs. The same time always gives the same name, so a repeated reconcile
   * cannot create a second run for it.
   */
  public static String name(String schedule, Instant time) {
    return schedule + "-" + time.getEpochSecond() / 60;
  }

  /** The TestRun {@code schedule} creates for {@code time}: its template, owned by the schedule. */
  public static TestRun desired(TestRunSchedule schedule, Instant time) {
    String scheduleName = schedule.getMetadata().getName();
    Map<String, String> labels = new LinkedHashMap<>(schedule.getSpec().getTemplate().getMetadata().getLabels());
    labels.put(SCHEDULE_LABEL, scheduleName);
    Map<String, String> annotations = new LinkedHashMap<>(schedule.getSpec().getTemplate().getMetadata().getAnnotations());
    annotations.put(SCHEDULED_AT, time.toString());
    TestRun run = new TestRun();
    run.setMetadata(new ObjectMetaBuilder().withName(name(scheduleName, time)).withNamespace(schedule.getMetadata().getNamespace())
        .withLabels(labels).withAnnotations(annotations)
        // No blockOwnerDeletion: it would need update on testrunschedules/finalizers where the
        // OwnerReferencesPermissionEnforcement admission plugin runs, for no gain here.
        .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion(TestRun.API_VERSION).withKind(TestRunSchedule.KIND)
            .withName(scheduleName).withUid(schedule.getMetadata().getUid()).withController(true).build())
        .build());
    run.setSpec(COPIER.clone(schedule.getSpec().getTemplate().getSpec()));
    return run;
  }

  /** How {@code run} looks to its schedule; null when it carries no readable scheduled time (not one of its runs). */
  public static ScheduledRun of(TestRun run) {
    Map<String, String> annotations = run.getMetadata().getAnnotations();
    String scheduledAt = annotations == null ? null : annotations.get(SCHEDULED_AT);
    if (scheduledAt == null) {
      return null;
    }
    try {
      Instant completion = run.getStatus() == null || run.getStatus().getCompletionTime() == null ? null
          : Instant.parse(run.getStatus().getCompletionTime());
      return new ScheduledRun(run.getMetadata().getName(), Instant.parse(scheduledAt),
          run.getStatus() == null ? null : run.getStatus().getPhase(), completion);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
