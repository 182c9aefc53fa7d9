package io.shardrun.executor.assignment;

import io.shardrun.core.plan.Assignment;

/** Where a dynamic shard reads the batches it was given. */
public interface AssignmentSource {
  /** What messages name it by, e.g. {@code pod qa/nightly-shard-0-x7k2p}. */
  String name();

  /**
   * The assignment as it stands now; {@link Assignment#none()} while there is none.
   *
   * @throws AssignmentException when what is there is no assignment
   * @throws io.shardrun.executor.publish.PublishException when it could not be fetched; a later
   *     read may succeed
   */
  Assignment read();
}
