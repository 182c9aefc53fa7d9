package io.shardrun.cli.local;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Waits for a suite folder to change, for {@code run --watch}. */
public final class SuiteWatcher {
  private SuiteWatcher() {}

  /**
   * Returns once something below {@code root} changed and then stayed quiet for {@code debounce}
   * (an editor's save is often several events).
   */
  public static void awaitChange(Path root, Duration debounce) throws IOException, InterruptedException {
    try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
      try (Stream<Path> dirs = Files.walk(root)) {
        for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
          dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
              StandardWatchEventKinds.ENTRY_DELETE);
        }
      }
      WatchKey key = watcher.take();
      do {
        key.pollEvents();
        key.reset();
        key = watcher.poll(debounce.toMillis(), TimeUnit.MILLISECONDS);
      } while (key != null);
    }
  }
}
