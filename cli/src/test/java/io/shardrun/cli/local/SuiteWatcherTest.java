package io.shardrun.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code run --watch} waits on {@link SuiteWatcher#awaitChange} between runs. */
class SuiteWatcherTest {
  private static final Duration DEBOUNCE = Duration.ofMillis(100);

  @TempDir Path suite;
  private Path nested;
  private Thread watcher;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  @BeforeEach
  void aSuiteWithNestedFolders() throws Exception {
    nested = Files.createDirectories(suite.resolve("shop/checkout"));
    Files.writeString(nested.resolve("pay.json"), "{\"steps\": []}");
    Files.writeString(suite.resolve("top.json"), "{\"steps\": []}");
  }

  @AfterEach
  void stopWatching() throws InterruptedException {
    if (watcher != null) {
      watcher.interrupt();
      watcher.join(5_000);
    }
  }

  @Test
  void keepsWaitingWhileNothingChanges() {
    startWatching();

    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> watcher.isAlive());
    assertThat(failure.get()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"modified", "created", "deleted"})
  void returnsAfterAFileInANestedFolderChanges(String change) throws Exception {
    startWatching();
    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> watcher.isAlive());

    switch (change) {
      case "modified" -> Files.writeString(nested.resolve("pay.json"), "{\"steps\": [{\"command\": \"echo\"}]}");
      case "created" -> Files.writeString(nested.resolve("refund.json"), "{\"steps\": []}");
      default -> Files.delete(nested.resolve("pay.json"));
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> !watcher.isAlive());
    assertThat(failure.get()).isNull();
  }

  @Test
  void anInterruptEndsTheWait() {
    startWatching();
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3)).until(() -> watcher.isAlive());

    watcher.interrupt();

    await().atMost(Duration.ofSeconds(5)).until(() -> !watcher.isAlive());
    assertThat(failure.get()).isInstanceOf(InterruptedException.class);
  }

  private void startWatching() {
    watcher = new Thread(() -> {
      try {
        SuiteWatcher.awaitChange(suite, DEBOUNCE);
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "suite-watcher-test");
    watcher.setDaemon(true);
    watcher.start();
  }
}
