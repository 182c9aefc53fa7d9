package io.shardrun.cli;

import io.shardrun.cli.local.SharedFile;
import io.shardrun.core.report.ComparisonReport;
import io.shardrun.core.report.HtmlReport;
import io.shardrun.core.report.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
      + " (shardrun-out/run-YYYYMMDD-HHMMSS-mmm).")
  List<String> runs = new ArrayList<>();

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The HTML file to write.")
  Path output;

  @Override
  public Integer call() throws IOException {
    OutputPaths.file("-o", output);
    List<RunReport> reports = new ArrayList<>(runs.size());
    for (String run : runs) {
      reports.add(report(run));
    }
    SharedFile.replace(output, reports.size() == 1 ? HtmlReport.render(reports.get(0)) : ComparisonReport.render(reports));
    spec.commandLine().getOut().printf("report: %s%n", output);
    return ExitCodes.PASSED;
  }

  /** What one RUN argument names, as a report: a local run's folder. */
  private RunReport report(String run) {
    Path dir = Path.of(run);
    if (!Files.isDirectory(dir)) {
      throw new CliException("no run folder " + run + " (expected a local run's folder holding " + LocalRunReports.RESULTS + ")");
    }
    return LocalRunReports.read(dir, output);
  }
}
