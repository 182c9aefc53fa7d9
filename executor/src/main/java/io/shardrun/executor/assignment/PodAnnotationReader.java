package io.shardrun.executor.assignment;

import io.shardrun.executor.publish.OwnPodAnnotations;
import io.shardrun.executor.publish.PublishException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads one of the annotations the operator writes on the executor's own pod to tell it
 * something: a fail-fast run's first failed file, or when to start. Null while it is not there.
 * A read that fails is only a warning, and reads as not there yet: the executor asks again.
 */
public record PodAnnotationReader(OwnPodAnnotations pod, String annotation, Consumer<String> warn) implements Supplier<String> {
  @Override
  public String get() {
    try {
      return pod.get(annotation);
    } catch (PublishException e) {
      warn.accept(e.getMessage() + " (for annotation " + annotation + ")");
      return null;
    }
  }
}
