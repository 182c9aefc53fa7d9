package io.shardrun.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.shardrun.crd.v1alpha1.TestRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Option;

/** What {@code submit} and {@code results} do with a cluster run: follow it, then write its outputs. */
final class FollowOptions {
  @Option(names = "--junit", paramLabel = "FILE", description = "Write the run's JUnit XML here: every file, its outcome and shard.")
  Path junit;

  @Option(names = "--report", paramLabel = "FILE", description = "Write the run's HTML report here (docs/report.md).")
  Path report;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = WaitTimeout.class,
      description = "Stop waiting after this long (e.g. 90s, 30m, 1h30m) and exit 2; the run goes on. Default: no limit.")
  Duration timeout;

  @Option(names = "--unreachable-for", paramLabel = "DURATION", converter = WaitTimeout.class, defaultValue = "1m",
      description = "Give up (exit 2) when the API server has not answered for this long while waiting. Default: ${DEFAULT-VALUE}.")
  Duration unreachableFor;

  /** Checks the output paths before anything starts. */
  void check() {
    if (junit != null) {
      OutputPaths.file("--junit", junit);
    }
    if (report != null) {
      OutputPaths.file("--report", report);
    }
  }

  /**
   * Follows the run when it has not finished, then prints its summary and verdict and writes its
   * outputs. Ctrl-C while following says how to follow again; the run goes on.
   *
   * @param out where the progress, the summary and the verdict go
   * @return the finished run, its outputs written
   */
  FinishedRun finish(KubernetesClient client, TestRun run, PrintWriter out) throws IOException, InterruptedException {
    TestRun last = FinishedRun.finished(run) ? run : followed(client, run, out);
    FinishedRun finished = FinishedRun.read(client, last);
    out.print(finished.summary());
    finished.write(junit, report, out);
    out.println(finished.verdict());
    out.flush();
    return finished;
  }

  private TestRun followed(KubernetesClient client, TestRun run, PrintWriter out) throws InterruptedException {
    RunFollower follower = new RunFollower(client, run.getMetadata().getNamespace(), run.getMetadata().getName(), out, unreachableFor);
    Thread interrupted = new Thread(() -> {
      out.println();
      out.println("stopped following TestRun " + run.getMetadata().getName() + "; it goes on in the cluster; " + follower.again());
      out.flush();
    });
    Runtime.getRuntime().addShutdownHook(interrupted);
    try {
      return follower.follow(timeout == null ? null : Instant.now().plus(timeout));
    } finally {
      removeHook(interrupted);
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down (Ctrl-C): the hook runs and says how to follow again
    }
  }
}
