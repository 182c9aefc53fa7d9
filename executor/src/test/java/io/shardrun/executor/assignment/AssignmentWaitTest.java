package io.shardrun.executor.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.shardrun.core.plan.Assignment;
import io.shardrun.executor.publish.PublishException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class AssignmentWaitTest {
  static final PublishException UNREACHABLE = PublishException.reading("pod qa/p", "https://10.96.0.1:443/",
      new KubernetesClientException("connection reset"));

  final List<String> warnings = new CopyOnWriteArrayList<>();

  /** Answers each read with the next of {@code answers} (an assignment, or a failure to throw), then the last again. */
  static AssignmentSource answering(Object... answers) {
    Deque<Object> left = new ArrayDeque<>(List.of(answers));
    return new AssignmentSource() {
      @Override
      public String name() {
        return "pod qa/p";
      }

      @Override
      public Assignment read() {
        Object answer = left.size() > 1 ? left.poll() : left.peek();
        if (answer instanceof RuntimeException failure) {
          throw failure;
        }
        return (Assignment) answer;
      }
    };
  }

  AssignmentWait waitOn(AssignmentSource source, Duration limit) {
    return new AssignmentWait(source, Duration.ofMillis(10), limit, warnings::add);
  }

  @Test
  void failedReadsAreOneWarningWhileTheyRepeatAndTheWaitGoesOn() throws InterruptedException {
    Assignment given = Assignment.none().plus(List.of(0));

    assertThat(waitOn(answering(Assignment.none(), UNREACHABLE, UNREACHABLE, UNREACHABLE, given), Duration.ofSeconds(5)).until(1))
        .isEqualTo(given);
    assertThat(warnings).containsExactly("cannot read pod qa/p: the request to the API server at"
        + " https://10.96.0.1:443/ failed: connection reset; will retry");
  }

  @Test
  void doneEndsTheWaitWithoutTheBatch() throws InterruptedException {
    Assignment done = Assignment.none().plus(List.of(0)).finished();

    assertThat(waitOn(answering(done), Duration.ofSeconds(5)).until(2)).isEqualTo(done);
  }

  @Test
  void aWaitThatRunsOutWhileReadsFailSaysTheLastFailure() {
    assertThatThrownBy(() -> waitOn(answering(Assignment.none().plus(List.of(0)), UNREACHABLE), Duration.ofSeconds(1)).until(2))
        .isInstanceOf(AssignmentException.class)
        .hasMessage("pod qa/p was given no batch 2 within 1 s: its shardrun.io/assignment annotation holds 1 batch and does not"
            + " say done; the operator hands out the batches: check that it is running; the last read failed: cannot read pod"
            + " qa/p: the request to the API server at https://10.96.0.1:443/ failed: connection reset");
  }
}
