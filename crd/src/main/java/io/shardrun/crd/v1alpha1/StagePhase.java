package io.shardrun.crd.v1alpha1;

/** Where a pipeline's stage is: its TestRun's phase once it has one, else Waiting or Skipped. */
public enum StagePhase {
  /** Not started: a stage before it has not ended. */
  Waiting,
  /** Its TestRun exists and has not started. */
  Pending,
  /** Its TestRun runs. */
  Running,
  Succeeded,
  Failed,
  Error,
  /** Never runs: the gate before it (or before a stage before it) stayed shut. */
  Skipped;

  /** The stage phase of a TestRun in {@code phase}; Pending for a TestRun with no phase yet. */
  public static StagePhase of(Phase phase) {
    return phase == null ? Pending : valueOf(phase.name());
  }

  public boolean isFinal() {
    return this == Succeeded || this == Failed || this == Error || this == Skipped;
  }
}
