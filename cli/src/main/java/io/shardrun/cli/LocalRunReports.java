package io.shardrun.cli;

import io.shardrun.cli.local.LocalReports.RunResults;
import io.shardrun.cli.local.ResultsJson;
import io.shardrun.core.report.RunReport;
import io.shardrun.core.results.FileRun;
import io.shardrun.executor.run.Artifacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** The report of a local run, from its run folder: its results and the failure screenshots beside them. */
final class LocalRunReports {
  static final String RESULTS = "results.json";

  private LocalRunReports() {}

  /**
   * The report of the run in {@code runDir}, from its {@value #RESULTS}.
   *
   * @param reportFile where the report goes: screenshot links are relative to its folder
   */
  static RunReport read(Path runDir, Path reportFile) {
    Path results = runDir.resolve(RESULTS);
    if (!Files.exists(results)) {
      throw new CliException("run folder " + runDir + ": no " + RESULTS + " (expected a local run's folder holding " + RESULTS + ")");
    }
    return of(runDir, ResultsJson.read(RunInputs.read(results, "run results"), results.toString()), reportFile);
  }

  /**
   * The report of a run whose results are {@code results}, written in {@code runDir}.
   *
   * @param reportFile where the report goes: screenshot links are relative to its folder
   */
  static RunReport of(Path runDir, RunResults results, Path reportFile) {
    long durationMs = Duration.between(Instant.parse(results.startedAt()), Instant.parse(results.finishedAt())).toMillis();
    Path reportDir = reportFile.toAbsolutePath().normalize().getParent();
    return RunReport.of(results.run(), results.phase().name(), results.startedAt(), durationMs, results.files(),
        Set.copyOf(results.flaky()), f -> screenshot(runDir, f, reportDir));
  }

  /**
   * The failure screenshot the executor saved for {@code file}, as a {@code /}-separated path
   * from {@code reportDir}; null when there is none.
   */
  private static String screenshot(Path runDir, FileRun file, Path reportDir) {
    Path png;
    try {
      png = Artifacts.forFile(runDir.resolve(Integer.toString(file.shard())), file.file()).resolve(Artifacts.FAILURE_SCREENSHOT);
    } catch (IllegalArgumentException e) {
      return null; // a path no run could have written its screenshots under
    }
    if (!Files.isRegularFile(png)) {
      return null;
    }
    Path relative = reportDir.relativize(png.toAbsolutePath().normalize());
    return StreamSupport.stream(relative.spliterator(), false).map(Path::toString).collect(Collectors.joining("/"));
  }
}
