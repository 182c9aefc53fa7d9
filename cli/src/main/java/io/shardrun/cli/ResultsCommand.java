package io.shardrun.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.shardrun.crd.v1alpha1.TestRun;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shardrun results}: a cluster run's results, any time after it finished. */
@Command(name = "results", sortOptions = false,
    description = "Print a TestRun's summary and write its JUnit XML, HTML report or JSON from the results its operator kept"
        + " (ConfigMap NAME-results), also after its pods are gone. Exit code: 0 Succeeded, 1 Failed, 2 Error or a problem.")
final class ResultsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The TestRun's name.")
  String name;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Its namespace. Default: the kubeconfig context's, else default.")
  String namespace;

  @Option(names = "--wait", description = "Follow a run that has not finished until it does, printing its files as they finish.")
  boolean wait;

  @Option(names = "--json", description = "Print the results as JSON on stdout (every file with its shard; docs/results-format.md);"
      + " the summary then goes to stderr.")
  boolean json;

  @Mixin FollowOptions follow;

  @Override
  public Integer call() throws Exception {
    follow.check();
    try (KubernetesClient client = ClusterAccess.client()) {
      String ns = namespace != null ? namespace : ClusterAccess.namespace(client);
      ClusterAccess.checkTestRuns(client, Set.of(ns));
      TestRun run = client.resources(TestRun.class).inNamespace(ns).withName(name).get();
      if (run == null) {
        throw new CliException("no TestRun " + name + " in namespace " + ns + " (kubectl get testruns -n " + ns + " lists them)");
      }
      if (!wait && !FinishedRun.finished(run)) {
        String phase = run.getStatus() == null || run.getStatus().getPhase() == null ? "not started" : "still " + run.getStatus().getPhase();
        throw new CliException("TestRun " + ns + "/" + name + " is " + phase + ": add --wait to follow it until it finishes");
      }
      PrintWriter out = json ? spec.commandLine().getErr() : spec.commandLine().getOut();
      FinishedRun finished = follow.finish(client, run, out);
      if (json) {
        spec.commandLine().getOut().println(finished.json());
        spec.commandLine().getOut().flush();
      }
      return finished.exitCode();
    }
  }
}
