package io.shardrun.executor.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardrun.executor.assignment.AssignmentException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A shard waits for the start time the operator writes, asking its pod until it is there. */
class StartWaitTest {
  static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

  /** Each ask gets the next value, the last one for good. */
  static Supplier<String> written(String... values) {
    AtomicInteger asked = new AtomicInteger();
    return () -> values[Math.min(asked.getAndIncrement(), values.length - 1)];
  }

  @Test
  void itAsksUntilTheTimeIsWrittenAndStartsAtIt() throws Exception {
    StartWait wait = new StartWait(written(null, null, "2026-12-03T10:00:00.050Z"), Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(wait.await()).isEqualTo(Instant.parse("2026-12-03T10:00:00.050Z"));
  }

  @Test
  void aTimeAlreadyPastStartsAtOnce() throws Exception {
    StartWait wait = new StartWait(written("2026-12-03T09:59:00Z"), Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(wait.await()).isEqualTo(Instant.parse("2026-12-03T09:59:00Z"));
  }

  @Test
  void aValueThatIsNotATimeIsAnErrorNamingTheAnnotation() {
    StartWait wait = new StartWait(written("soon"), Clock.fixed(NOW, ZoneOffset.UTC));
    assertThatThrownBy(wait::await).isInstanceOf(AssignmentException.class)
        .hasMessage("annotation shardrun.io/start of this pod is not an RFC 3339 time such as 2026-12-03T10:00:02Z: 'soon'");
  }
}
