package io.shardrun.executor.local;

import io.shardrun.core.variant.Variants;
import io.shardrun.core.results.FileRun;
import io.shardrun.core.suite.Suite;
import io.shardrun.executor.browser.BrowserProcesses;
import io.shardrun.executor.browser.ContextSessions;
import io.shardrun.executor.browser.LocalChromedriver;
import io.shardrun.executor.browser.RemoteSessions;
import io.shardrun.executor.event.EventBus;
import io.shardrun.executor.event.EventLogFile;
import io.shardrun.executor.run.FailFast;
import io.shardrun.executor.run.FileRunner;
import io.shardrun.executor.run.RunLimits;
import io.shardrun.executor.run.ShardRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a suite's work on this machine: each shard is a worker with its own chromedriver and
 * headless Chromium (one browser, a user context per file; or a browser per file), at most {@code parallel} at once, taking its files from a static plan or a
 * dynamic run's queue. Orphans of an earlier crashed run are reaped first;
 * every browser process is stopped when a worker ends, fails or the JVM is interrupted.
 */
public final class LocalRun {
  private final Suite suite;
  private final LocalWork work;
  private final Map<String, String> environment;
  private final Variants variants;
  private final FailFast failFast;
  private final RunLimits limits;
  private final LocalBrowsers browsers;
  private final Path runDir;
  private final AtomicBoolean noticed = new AtomicBoolean();

  /**
   * @param environment variables each file starts with (BASE_URL, --env)
   * @param variants the variants the planned names (PATH#VARIANT) run in
   * @param failFast whether the run stops at its first failed or errored file
   * @param runDir artifacts go to {@code runDir/<shard>/<file>/}, the run's events to {@code runDir/events.ndjson}
   */
  public LocalRun(Suite suite, LocalWork work, Map<String, String> environment, Variants variants, FailFast failFast,
      RunLimits limits, LocalBrowsers browsers, Path runDir) {
    this.failFast = failFast;
    this.suite = suite;
    this.work = work;
    this.environment = environment;
    this.variants = variants;
    this.limits = limits;
    this.browsers = browsers;
    this.runDir = runDir;
  }

  /**
   * Runs every shard's work and returns the runs of all files, by shard, then in the order each ran them.
   *
   * @param parallel how many shards run at once
   * @param listener hears each finished file, from the worker threads
   */
  public List<FileRun> run(int parallel, ShardRunner.Listener listener) throws InterruptedException {
    BrowserProcesses.reapOrphans();
    List<Integer> shards = work.shards();
    int threads = Math.max(1, Math.min(parallel, shards.size()));
    ExecutorService workers = Executors.newFixedThreadPool(threads);
    // An alarm thread per worker: one alarm's abort, which may wait seconds on a browser, must not delay another's.
    ScheduledExecutorService watchdog = Executors.newScheduledThreadPool(threads, r -> {
      Thread t = new Thread(r, "shardrun-watchdog");
      t.setDaemon(true);
      return t;
    });
    EventBus events = new EventLogFile(runDir.resolve(EventLogFile.NAME)); // one log for every worker
    try {
      List<Future<List<FileRun>>> results = new ArrayList<>();
      for (int shard : shards) {
        results.add(workers.submit(() -> runShard(shard, watchdog, events, listener)));
      }
      List<FileRun> all = new ArrayList<>();
      for (Future<List<FileRun>> result : results) {
        all.addAll(result.get());
      }
      return all;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      workers.shutdownNow();
      watchdog.shutdownNow();
    }
  }

  private List<FileRun> runShard(int shard, ScheduledExecutorService watchdog, EventBus events, ShardRunner.Listener listener) {
    try (LocalChromedriver driver = LocalChromedriver.start(browsers.tools(), browsers.loopbackOnly());
        ContextSessions sessions = contexts(driver.sessions().withExtensionsIn(browsers.extensions()))) {
      FileRunner files = new FileRunner(sessions, environment, limits, runDir.resolve(Integer.toString(shard)), watchdog, events);
      ShardRunner runner = new ShardRunner(suite, files, limits, variants, failFast, listener);
      List<FileRun> runs = new ArrayList<>();
      // A batch holds whole work units (a depends_on group, the serial files), so each is run on its own.
      for (List<String> batch = work.next(shard); !batch.isEmpty(); batch = work.next(shard)) {
        runs.addAll(runner.run(shard, batch));
      }
      return runs;
    }
  }

  private ContextSessions contexts(RemoteSessions fresh) {
    return new ContextSessions(fresh, fresh.withBiDi(), browsers.isolation(), this::noticeOnce);
  }

  /** Every worker finds the same about its browser: the run's user hears it once. */
  private void noticeOnce(String notice) {
    if (noticed.compareAndSet(false, true)) {
      browsers.notices().accept(notice);
    }
  }
}
