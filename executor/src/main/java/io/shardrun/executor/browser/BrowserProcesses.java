package io.shardrun.executor.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds and stops the browser processes Shardrun starts locally. Each chromedriver runs with its
 * log, and each Chromium with its profile, under {@code <tmp>/shardrun-browsers/owner-<pid>-<n>},
 * so a process's command line says which JVM started it. Processes whose owner is gone are
 * orphans of a crashed run.
 */
public final class BrowserProcesses {
  public static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir"), "shardrun-browsers");
  private static final Pattern OWNER = Pattern.compile(Pattern.quote(ROOT.toString()) + "/owner-(\\d+)-\\d+");
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private BrowserProcesses() {}

  /** A new folder owned by this JVM. */
  static Path newOwnerDir() {
    Path dir = ROOT.resolve("owner-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet());
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new BrowserUnavailableException("cannot create " + dir + ": " + e.getMessage());
    }
  }

  /** Every live process Shardrun started locally (by any JVM), with its descendants. */
  public static List<ProcessHandle> all() {
    return ProcessHandle.allProcesses().filter(p -> owner(p).isPresent())
        .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
        .filter(ProcessHandle::isAlive).distinct().toList();
  }

  /**
   * Stops the processes of owners that no longer run, and removes their folders.
   *
   * @return how many processes were stopped
   */
  public static int reapOrphans() {
    List<ProcessHandle> orphans = ProcessHandle.allProcesses()
        .filter(p -> owner(p).filter(pid -> ProcessHandle.of(pid).map(o -> !o.isAlive()).orElse(true)).isPresent())
        .toList();
    orphans.forEach(BrowserProcesses::kill);
    try (Stream<Path> dirs = Files.exists(ROOT) ? Files.list(ROOT) : Stream.empty()) {
      dirs.filter(d -> ownerPid(d.toString()).map(pid -> ProcessHandle.of(pid).isEmpty()).orElse(false))
          .forEach(BrowserProcesses::deleteQuietly);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return orphans.size();
  }

  /** How often, and how far apart, a killed browser's processes are looked for again: 2 s at most. */
  private static final int KILL_LOOKS = 20;
  private static final long KILL_LOOK_PAUSE_MS = 100;

  /**
   * Kills the browser this JVM started with profile folder {@code profile}, and everything below
   * it. A profile this JVM does not own (one chromedriver made, or another run's) is left alone.
   *
   * @return whether a browser was found and killed
   */
  static boolean killBrowserOf(Path profile) {
    if (!ownerPid(profile.toString()).equals(Optional.of(ProcessHandle.current().pid()))) {
      return false;
    }
    String flag = "--user-data-dir=" + profile;
    boolean found = false;
    // Looked for again until none is left: a SIGKILL takes a moment to land, and the browser may
    // fork a helper while it is being killed. A killed process's parent, chromedriver, reaps it;
    // until then it shows no arguments, so it is not waited for.
    for (int look = 0; look < KILL_LOOKS; look++) {
      List<ProcessHandle> browsers = ProcessHandle.allProcesses()
          .filter(p -> p.info().arguments().map(args -> List.of(args).contains(flag)).orElse(false))
          .toList();
      if (browsers.isEmpty()) {
        return found;
      }
      found = true;
      browsers.forEach(BrowserProcesses::killTree);
      try {
        Thread.sleep(KILL_LOOK_PAUSE_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return true;
      }
    }
    return found;
  }

  /** Kills a process and everything below it, children first, and waits for them to end. */
  static void kill(ProcessHandle process) {
    for (ProcessHandle p : killTree(process)) {
      try {
        p.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        // A process that will not die in 5 s after SIGKILL is a zombie waiting for its parent.
      }
    }
  }

  private static List<ProcessHandle> killTree(ProcessHandle process) {
    List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process)).toList();
    tree.forEach(ProcessHandle::destroyForcibly);
    return tree;
  }

  static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Best effort: a leftover folder under tmp is reaped by the next run.
    }
  }

  private static Optional<Long> owner(ProcessHandle process) {
    return process.info().commandLine().flatMap(BrowserProcesses::ownerPid);
  }

  private static Optional<Long> ownerPid(String text) {
    Matcher m = OWNER.matcher(text);
    return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
  }
}
