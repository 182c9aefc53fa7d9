package io.shardrun.executor.assignment;

/**
 * Why a shard cannot go on with what the operator wrote on its pod: an assignment that is not
 * one, does not fit the plan, or did not come in time; a start time that is not a time. The
 * message names the pod or the annotation and what is wrong.
 */
public final class AssignmentException extends RuntimeException {
  public AssignmentException(String message) {
    super(message);
  }
}
