package io.shardrun.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.shardrun.cli.local.SharedFile;
import io.shardrun.core.report.ComparisonReport;
import io.shardrun.core.report.HtmlReport;
import io.shardrun.core.report.RunReport;
import io.shardrun.core.run.SpecValidator;
import io.shardrun.crd.v1alpha1.TestRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shardrun report RUN... -o FILE}: the HTML report of one run, or the comparison of several. */
@Command(name = "report", description = "Write the HTML report of a run, or with two or more runs their comparison,"
    + " in the order given. Exit 0 written, 2 a usage or input error (nothing written).")
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "RUN", arity = "1..*", description = "A local run's folder, holding results.json"
      + " (shardrun-out/run-YYYYMMDD-HHMMSS-mmm), or the name of a finished TestRun on the cluster.")
  List<String> runs = new ArrayList<>();

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
      description = "The TestRuns' namespace. Default: the kubeconfig context's, else default.")
  String namespace;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The HTML file to write.")
  Path output;

  private KubernetesClient client;

  @Override
  public Integer call() throws IOException {
    OutputPaths.file("-o", output);
    List<RunReport> reports = new ArrayList<>(runs.size());
    try {
      for (String run : runs) {
        reports.add(report(run));
      }
    } finally {
      if (client != null) {
        client.close();
      }
    }
    SharedFile.replace(output, reports.size() == 1 ? HtmlReport.render(reports.get(0)) : ComparisonReport.render(reports));
    spec.commandLine().getOut().printf("report: %s%n", output);
    return ExitCodes.PASSED;
  }

  /** What one RUN argument names, as a report: a local run's folder, else a finished TestRun. */
  private RunReport report(String run) {
    Path dir = Path.of(run);
    if (Files.isDirectory(dir)) {
      return LocalRunReports.read(dir, output);
    }
    String notAFolder = "no run folder " + run + " (expected a local run's folder holding " + LocalRunReports.RESULTS
        + ", or a finished TestRun's name)";
    if (!SpecValidator.isObjectName(run)) {
      throw new CliException(notAFolder);
    }
    if (client == null) {
      client = ClusterAccess.client();
      namespace = namespace != null ? namespace : ClusterAccess.namespace(client);
      try {
        ClusterAccess.checkTestRuns(client, Set.of(namespace));
      } catch (CliException e) {
        throw new CliException(notAFolder + "; as a TestRun: " + e.getMessage());
      }
    }
    TestRun testRun = client.resources(TestRun.class).inNamespace(namespace).withName(run).get();
    if (testRun == null) {
      throw new CliException(notAFolder + "; nor is there a TestRun " + run + " in namespace " + namespace);
    }
    if (!FinishedRun.finished(testRun)) {
      throw new CliException("TestRun " + namespace + "/" + run + " has not finished: its report comes when it has"
          + " (shardrun results " + run + " -n " + namespace + " --wait --report FILE)");
    }
    return FinishedRun.read(client, testRun).report();
  }
}
