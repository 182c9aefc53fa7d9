package io.shardrun.operator.decide;

import io.fabric8.kubernetes.api.model.Pod;
import io.shardrun.core.plan.Assignment;

/**
 * One pod of a shard's Job and the results it published.
 *
 * @param published its {@code shardrun.io/result} annotation; null before it published any
 * @param assignment in a dynamic run, the work it was given (as the operator last wrote it, when
 *     the cache does not show that yet); null in a planned run
 */
public record ShardPod(Pod pod, Published published, Assignment assignment) {
  public ShardPod(Pod pod, Published published) {
    this(pod, published, null);
  }

  /** Whether it has ended, or is going: it takes no more work. */
  public boolean terminal() {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Succeeded".equals(phase) || "Failed".equals(phase) || pod.getMetadata().getDeletionTimestamp() != null;
  }
}
