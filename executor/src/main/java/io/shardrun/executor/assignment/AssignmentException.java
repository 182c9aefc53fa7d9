package io.shardrun.executor.assignment;

/**
 * Why a dynamic shard cannot go on with its assignment: it is not one, it does not fit the plan,
 * or the next batch did not come in time. The message names the pod and what is wrong.
 */
public final class AssignmentException extends RuntimeException {
  public AssignmentException(String message) {
    super(message);
  }
}
