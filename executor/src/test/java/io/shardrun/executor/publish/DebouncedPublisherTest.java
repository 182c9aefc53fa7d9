package io.shardrun.executor.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.shardrun.core.results.ResultsDocument;
import io.shardrun.core.results.ShardCounts;
import io.shardrun.core.results.ShardState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class DebouncedPublisherTest {
  /** Records what it is asked to publish; fails the first {@code failures} times. */
  static final class Recording implements ResultPublisher {
    final List<ResultsDocument> published = new CopyOnWriteArrayList<>();
    int failures;

    @Override
    public synchronized void publish(ResultsDocument document) {
      if (failures > 0) {
        failures--;
        throw new IllegalStateException("API server unavailable");
      }
      published.add(document);
    }
  }

  final List<String> warnings = new CopyOnWriteArrayList<>();

  static ResultsDocument doc(int passed, ShardState state) {
    return new ResultsDocument(0, state, new ShardCounts(10, passed, 0, 0, 0, passed * 100L), List.of());
  }

  @Test
  void manyUpdatesWithinAnIntervalPublishOnlyTheLatest() {
    Recording target = new Recording();
    try (DebouncedPublisher publisher = new DebouncedPublisher(target, Duration.ofMillis(100), warnings::add)) {
      for (int i = 1; i <= 50; i++) {
        publisher.update(doc(i, ShardState.RUNNING));
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> !target.published.isEmpty());
      assertThat(target.published).last().isEqualTo(doc(50, ShardState.RUNNING));
      assertThat(target.published.size()).isLessThan(50);
    }
  }

  @Test
  void aFailedProgressUpdateIsAWarningAndIsPublishedAtTheNextInterval() {
    Recording target = new Recording();
    target.failures = 1;
    try (DebouncedPublisher publisher = new DebouncedPublisher(target, Duration.ofMillis(100), warnings::add)) {
      publisher.update(doc(1, ShardState.RUNNING));
      await().atMost(Duration.ofSeconds(5)).until(() -> !target.published.isEmpty());
    }
    assertThat(target.published).containsExactly(doc(1, ShardState.RUNNING));
    assertThat(warnings).containsExactly("publishing shard progress failed, will retry: API server unavailable");
  }

  @Test
  void finishPublishesTheFinalDocumentAtOnceEvenBeforeTheInterval() {
    Recording target = new Recording();
    try (DebouncedPublisher publisher = new DebouncedPublisher(target, Duration.ofHours(1), warnings::add)) {
      publisher.update(doc(3, ShardState.RUNNING));
      publisher.finish(doc(10, ShardState.DONE));
    }
    assertThat(target.published).containsExactly(doc(10, ShardState.DONE));
  }

  @Test
  void finishRetriesTransientFailures() {
    Recording target = new Recording();
    target.failures = 2;
    try (DebouncedPublisher publisher = new DebouncedPublisher(target, Duration.ofHours(1), warnings::add)) {
      publisher.finish(doc(10, ShardState.DONE));
    }
    assertThat(target.published).containsExactly(doc(10, ShardState.DONE));
    assertThat(warnings).containsExactly(
        "publishing the final results failed (attempt 1 of 5), will retry: API server unavailable",
        "publishing the final results failed (attempt 2 of 5), will retry: API server unavailable");
  }

  @Test
  void finishFailsWhenTheApiServerNeverAnswers() {
    Recording target = new Recording();
    target.failures = 100;
    try (DebouncedPublisher publisher = new DebouncedPublisher(target, Duration.ofHours(1), warnings::add)) {
      assertThatThrownBy(() -> publisher.finish(doc(10, ShardState.DONE))).hasMessage("API server unavailable");
    }
    assertThat(warnings).as("the last failure is the error, not a warning")
        .hasSize(4).last().isEqualTo("publishing the final results failed (attempt 4 of 5), will retry: API server unavailable");
  }
}
