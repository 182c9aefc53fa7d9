package io.shardrun.executor.assignment;

import io.shardrun.core.plan.Assignment;
import io.shardrun.executor.publish.OwnPodAnnotations;
import java.util.Map;

/**
 * Reads a dynamic shard's assignment from the executor's own pod, annotation
 * {@value Assignment#ANNOTATION}, which the operator writes. Needs only {@code get} on that pod.
 */
public record PodAssignmentReader(OwnPodAnnotations pod) implements AssignmentSource {
  @Override
  public String name() {
    return pod.describe();
  }

  @Override
  public Assignment read() {
    Map<String, String> annotations = pod.read().orElseThrow(() ->
        new AssignmentException(name() + " does not exist: POD_NAME and POD_NAMESPACE must name the executor's own pod"));
    String json = annotations.get(Assignment.ANNOTATION);
    if (json == null) {
      return Assignment.none();
    }
    try {
      return Assignment.read(json, name() + " annotation " + Assignment.ANNOTATION);
    } catch (IllegalArgumentException e) {
      throw new AssignmentException(e.getMessage());
    }
  }
}
