package io.shardrun.crd.v1alpha1;

/** Where a TestRun is in its life. Succeeded, Failed and Error are final. */
public enum Phase {
  /** Accepted; planning or waiting for its Jobs to start. */
  Pending,
  /** At least one shard is running. */
  Running,
  /** Every selected file passed. */
  Succeeded,
  /** All shards finished and at least one file failed. */
  Failed,
  /** The run could not complete: bad suite, image pull, deadline, lost pods. See conditions. */
  Error;

  public boolean isFinal() {
    return this == Succeeded || this == Failed || this == Error;
  }
}
