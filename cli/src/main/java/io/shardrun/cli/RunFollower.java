package io.shardrun.cli;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.shardrun.cli.local.Progress;
import io.shardrun.core.Durations;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.PlanCodec;
import io.shardrun.core.render.JobRenderer;
import io.shardrun.core.render.Labels;
import io.shardrun.core.render.Names;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.executor.publish.ApiServerFailures;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Follows a TestRun until it finishes, printing its files' results as its pods publish them, as
 * a local run prints its progress. The run is read again every second; an API server that does
 * not answer is tried again until it has been silent for the given time, so that a control-plane
 * restart does not fail a CI job. Following never changes the run.
 */
final class RunFollower {
  static final Duration POLL = Duration.ofSeconds(1);

  private final KubernetesClient client;
  private final String namespace;
  private final String name;
  private final PrintWriter out;
  private final Duration unreachableFor;
  private final LiveResults live = new LiveResults();
  private Progress progress;
  private Plan plan;
  private boolean podsHidden;
  private int toldDone;

  RunFollower(KubernetesClient client, String namespace, String name, PrintWriter out, Duration unreachableFor) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
    this.out = out;
    this.unreachableFor = unreachableFor;
  }

  /**
   * The run once its phase is final.
   *
   * @param deadline when to stop waiting; null for never
   * @throws CliException (exit 2) when the deadline passes, the run is deleted, the API server
   *     refuses, or it has not answered for the given time; each says that the run goes on and how
   *     to follow it again
   */
  TestRun follow(Instant deadline) throws InterruptedException {
    Instant lastAnswer = Instant.now();
    boolean warned = false;
    while (true) {
      TestRun run;
      try {
        run = client.resources(TestRun.class).inNamespace(namespace).withName(name).get();
        if (run != null) {
          tell(run);
        }
        lastAnswer = Instant.now();
        warned = false;
      } catch (KubernetesClientException e) {
        if (e.getCode() > 0 && e.getCode() < 500) {
          throw new CliException("the API server refused to show TestRun " + id() + ": " + ApiServerFailures.answered(e)
              + "; " + again());
        }
        Duration silent = Duration.between(lastAnswer, Instant.now());
        if (silent.compareTo(unreachableFor) >= 0) {
          throw new CliException("lost the API server at " + client.getConfiguration().getMasterUrl() + ": no answer for "
              + Durations.format(silent.toMillis()) + " (" + ApiServerFailures.whyUnanswered(e) + "); the run goes on in the cluster; "
              + again());
        }
        if (!warned) {
          out.println("warning: the API server does not answer (" + ApiServerFailures.whyUnanswered(e) + "); trying again for up to "
              + Durations.format(unreachableFor.toMillis()));
          out.flush();
          warned = true;
        }
        sleepUntilNextPoll(deadline);
        continue;
      }
      if (run == null) {
        throw new CliException("TestRun " + id() + " was deleted while it was followed");
      }
      if (FinishedRun.finished(run)) {
        if (progress != null) {
          progress.close();
        }
        return run;
      }
      sleepUntilNextPoll(deadline);
    }
  }

  /** How to pick the run up again, for every message that stops following it. */
  String again() {
    return "follow it again with: shardrun results " + name + " -n " + namespace + " --wait";
  }

  private String id() {
    return namespace + "/" + name;
  }

  private void sleepUntilNextPoll(Instant deadline) throws InterruptedException {
    if (deadline != null && !Instant.now().isBefore(deadline)) {
      throw new CliException("gave up waiting for TestRun " + id() + " after --timeout: it has not finished; the run goes on"
          + " in the cluster; " + again());
    }
    Thread.sleep(POLL.toMillis());
  }

  /** Prints the results published since the last look. */
  private void tell(TestRun run) {
    if (run.getStatus() == null || run.getStatus().getSummary() == null || run.getStatus().getSummary().getFiles() == 0) {
      return; // not planned yet
    }
    int done = done(run);
    if (podsHidden || (progress != null && done == toldDone)) {
      return; // the pods are read only when the operator counted new results: a large run's annotations are not small
    }
    try {
      if (progress == null) {
        plan = readPlan();
        progress = progress(run);
      }
      toldDone = done;
      List<Pod> pods = client.pods().inNamespace(namespace).withLabel(Labels.TESTRUN, Names.labelValue(name)).list().getItems();
      live.fresh(pods, plan).forEach(progress::finished);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 403) {
        throw e;
      }
      podsHidden = true; // following needs only the TestRun; the lines per file need pods and the plan
      out.println("note: not allowed to read the run's pods or plan (" + ApiServerFailures.answered(e) + "): no line per file;"
          + " the summary comes at the end");
      out.flush();
    }
  }

  private static int done(TestRun run) {
    var summary = run.getStatus().getSummary();
    return summary.getPassed() + summary.getFailed() + summary.getSkipped() + summary.getErrored();
  }

  /** The run's plan; null when its ConfigMap is not there. */
  private Plan readPlan() {
    ConfigMap planMap = client.configMaps().inNamespace(namespace).withName(Names.planConfigMap(name)).get();
    if (planMap == null || planMap.getData() == null || !planMap.getData().containsKey(JobRenderer.PLAN_KEY)) {
      return null;
    }
    return PlanCodec.read(planMap.getData().get(JobRenderer.PLAN_KEY), "ConfigMap " + planMap.getMetadata().getName());
  }

  /** Progress with the ETA from the plan's estimates, over the shards that run at once. */
  private Progress progress(TestRun run) {
    int files = run.getStatus().getSummary().getFiles();
    if (plan == null) {
      return new Progress(out, System.console() != null, files, System::currentTimeMillis);
    }
    Integer limit = run.getSpec().getParallelism();
    int shards = plan.jobShards().size();
    return new Progress(out, System.console() != null, files, System::currentTimeMillis, plan.estimatesMs(),
        limit == null ? shards : Math.min(limit, shards));
  }
}
