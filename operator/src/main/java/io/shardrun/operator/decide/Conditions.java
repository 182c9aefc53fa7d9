package io.shardrun.operator.decide;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.shardrun.crd.v1alpha1.TestRunStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Kubernetes-style conditions: one per type, {@code lastTransitionTime} moving only when the
 * status (True/False/Unknown) really changes.
 */
public final class Conditions {
  public static final String READY = "Ready";
  public static final String COMPLETE = "Complete";
  public static final String QUEUED = "Queued";

  private Conditions() {}

  /** {@code conditions} with {@code type} set; the others kept in order. */
  public static List<Condition> set(List<Condition> conditions, String type, boolean status, String reason,
      String message, long generation, String now) {
    String value = status ? "True" : "False";
    Condition previous = conditions.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    String since = previous != null && value.equals(previous.getStatus()) ? previous.getLastTransitionTime() : now;
    Condition next = new ConditionBuilder().withType(type).withStatus(value).withReason(reason)
        .withMessage(message == null ? "" : message).withObservedGeneration(generation).withLastTransitionTime(since).build();
    List<Condition> out = new ArrayList<>();
    boolean replaced = false;
    for (Condition c : conditions) {
      if (type.equals(c.getType())) {
        out.add(next);
        replaced = true;
      } else {
        out.add(c);
      }
    }
    if (!replaced) {
      out.add(next);
    }
    return out;
  }

  /** The condition of {@code type} in {@code status}; null when either is absent. */
  public static Condition find(TestRunStatus status, String type) {
    return status == null ? null : find(status.getConditions(), type);
  }

  /** The condition of {@code type} in {@code conditions}; null when there is none. */
  public static Condition find(List<Condition> conditions, String type) {
    return conditions.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }
}
