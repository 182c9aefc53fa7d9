package io.shardrun.operator.status;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.PlannedFile;
import io.shardrun.core.render.Names;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which Jobs and pods are a run's, by owner UID rather than by name: a TestRun deleted and created
 * again under the same name must never see the old run's Jobs and pods, which the garbage
 * collector may not have removed yet.
 */
public final class Observations {
  private Observations() {}

  /** One observation per non-empty shard of {@code plan}, from the Jobs {@code runUid} owns and their pods. */
  public static List<ShardObservation> of(String runName, String runUid, Plan plan, Collection<Job> jobs, Collection<Pod> pods) {
    Map<String, Job> ours = jobs.stream().filter(j -> ownedBy(j, runUid))
        .collect(Collectors.toMap(j -> j.getMetadata().getName(), j -> j, (a, b) -> a));
    Map<String, String> jobByUid = ours.values().stream()
        .collect(Collectors.toMap(j -> j.getMetadata().getUid(), j -> j.getMetadata().getName(), (a, b) -> a));
    Map<String, List<Pod>> podsByJob = pods.stream()
        .filter(p -> owner(p).map(jobByUid::containsKey).orElse(false))
        .collect(Collectors.groupingBy(p -> jobByUid.get(owner(p).orElseThrow())));
    return plan.nonEmptyShards().stream().map(shard -> {
      String job = Names.shardJob(runName, shard.index());
      return new ShardObservation(shard.index(), shard.files().stream().map(PlannedFile::path).toList(), ours.get(job),
          podsByJob.getOrDefault(job, List.of()));
    }).toList();
  }

  /** Whether {@code object} belongs to the owner with {@code uid}. */
  public static boolean ownedBy(HasMetadata object, String uid) {
    return object.getMetadata().getOwnerReferences() != null && uid != null
        && object.getMetadata().getOwnerReferences().stream().anyMatch(r -> uid.equals(r.getUid()));
  }

  private static java.util.Optional<String> owner(Pod pod) {
    return pod.getMetadata().getOwnerReferences() == null ? java.util.Optional.empty()
        : pod.getMetadata().getOwnerReferences().stream().filter(r -> "Job".equals(r.getKind())).map(r -> r.getUid()).findFirst();
  }
}
