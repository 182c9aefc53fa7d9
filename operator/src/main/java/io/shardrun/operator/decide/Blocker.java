package io.shardrun.operator.decide;

/** Why a run cannot go on now: it waits for something, or it was refused for good. */
public sealed interface Blocker {
  String reason();

  String message();

  /** Looked at again later: the run stays Pending, condition Ready=False with this reason. */
  record Waiting(String reason, String message) implements Blocker {}

  /** The run ends in Error: an invalid spec or suite, or an object the API server refuses. */
  record Refused(String reason, String message) implements Blocker {}
}
