package io.shardrun.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.shardrun.cli.local.SharedFile;
import io.shardrun.cli.local.Summary;
import io.shardrun.core.report.HtmlReport;
import io.shardrun.operator.decide.Conditions;
import io.shardrun.core.report.RunReport;
import io.shardrun.core.results.JUnitXml;
import io.shardrun.core.results.RunRecord;
import io.shardrun.core.results.RunRecordCodec;
import io.shardrun.core.render.Names;
import io.shardrun.crd.v1alpha1.Phase;
import io.shardrun.crd.v1alpha1.ShardStatus;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.crd.v1alpha1.TestRunStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * A finished TestRun as {@code submit --wait} and {@code results} hand it to CI: the results
 * its operator kept in ConfigMap NAME-results, a summary table, JUnit XML, the HTML report, and
 * an exit code that is 0 only for Succeeded.
 */
final class FinishedRun {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final TestRun run;
  private final RunRecord record;

  private FinishedRun(TestRun run, RunRecord record) {
    this.run = run;
    this.record = record;
  }

  /** Whether the run's phase is final. */
  static boolean finished(TestRun run) {
    return run.getStatus() != null && run.getStatus().getPhase() != null && run.getStatus().getPhase().isFinal();
  }

  /**
   * The results of {@code run}, which has finished.
   *
   * @throws CliException when they are gone or unreadable
   */
  static FinishedRun read(KubernetesClient client, TestRun run) {
    String namespace = run.getMetadata().getNamespace();
    String name = run.getMetadata().getName();
    String mapName = Names.resultsConfigMap(name);
    ConfigMap map = client.configMaps().inNamespace(namespace).withName(mapName).get();
    String value = map == null || map.getData() == null ? null : map.getData().get(RunRecord.KEY);
    TestRunStatus status = run.getStatus();
    if (value == null) {
      if (status.getShards().isEmpty()) { // ended before any shard was planned: nothing ran
        return new FinishedRun(run, new RunRecord(name, status.getPhase().name(), status.getStartTime(), status.getCompletionTime(),
            List.of(), List.of()));
      }
      throw new CliException("TestRun " + namespace + "/" + name + " has finished, but ConfigMap " + mapName
          + (map == null ? " is gone" : " has no key " + RunRecord.KEY) + ": its per-file results are lost (was it deleted, or"
          + " did an operator older than this command run it?); its status still holds the counts: kubectl get testrun " + name
          + " -n " + namespace + " -o yaml");
    }
    try {
      return new FinishedRun(run, RunRecordCodec.decode(value, "ConfigMap " + namespace + "/" + mapName + " key " + RunRecord.KEY));
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
  }

  /** Writes JUnit XML and the report where asked (null: not asked). */
  void write(Path junit, Path report, PrintWriter out) throws IOException {
    if (junit != null) {
      SharedFile.replace(junit, JUnitXml.merged(record.fileRuns()));
      out.println("wrote " + junit);
    }
    if (report != null) {
      SharedFile.replace(report, HtmlReport.render(report()));
      out.println("wrote " + report);
    }
  }

  /** What the HTML report shows of it. */
  RunReport report() {
    return RunReport.of(record);
  }

  String json() {
    try {
      return JSON.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The summary table, as a local run ends with it. */
  String summary() {
    return record.files().isEmpty() ? "" : Summary.render(record.fileRuns());
  }

  /** 0 for Succeeded, 1 for Failed, 2 for Error. */
  int exitCode() {
    return ExitCodes.of(run.getStatus().getPhase());
  }

  /** One line: the run, its phase and why, as the run's Complete condition and its shards say. */
  String verdict() {
    TestRunStatus status = run.getStatus();
    String id = "TestRun " + run.getMetadata().getNamespace() + "/" + run.getMetadata().getName();
    Condition complete = Conditions.find(status, Conditions.COMPLETE);
    StringBuilder line = new StringBuilder(id).append(' ').append(status.getPhase());
    if (complete != null && complete.getMessage() != null) {
      line.append(": ").append(complete.getMessage());
    }
    if (status.getDuration() != null) {
      line.append(" in ").append(status.getDuration());
    }
    for (ShardStatus shard : status.getShards()) {
      if (shard.getPhase() == Phase.Error && shard.getMessage() != null) {
        line.append(System.lineSeparator()).append("  shard ").append(shard.getIndex()).append(": ").append(shard.getMessage());
      }
    }
    return line.toString();
  }
}
