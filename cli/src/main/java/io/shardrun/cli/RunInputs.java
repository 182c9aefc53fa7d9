package io.shardrun.cli;

import io.shardrun.core.history.History;
import io.shardrun.core.history.HistoryCodec;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.render.SuiteConfigMap;
import io.shardrun.core.run.ManifestSet;
import io.shardrun.core.run.Manifests;
import io.shardrun.core.run.RunPlanner;
import io.shardrun.core.run.SpecValidator;
import io.shardrun.core.suite.Suite;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteParser;
import io.shardrun.crd.v1alpha1.TestRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The inputs of plan and render-jobs: TestRun files, the suite, the history. */
final class RunInputs {
  @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE",
      description = "YAML file with one or more TestRuns (and optionally their suite ConfigMaps). Repeatable.")
  List<Path> files = new ArrayList<>();

  @Option(names = "--suite", paramLabel = "DIR",
      description = "The suite's folder. Without it, the suite comes from the ConfigMap named in"
          + " spec.suite.configMap, which must be among the -f documents.")
  Path suiteDir;

  @Option(names = "--history", paramLabel = "FILE",
      description = "Run history (JSON, as written by 'shardrun run' in .shardrun/history.json) for"
          + " balanced estimates and fail-first ordering. Without it, estimates come from step counts.")
  Path historyFile;

  /** The command using these inputs: its name and its standard error, for warnings. */
  @Spec(Spec.Target.MIXEE) CommandSpec command;

  /**
   * One TestRun ready to render.
   *
   * @param suiteFiles the raw suite (for the suite ConfigMap and volume items)
   */
  record Prepared(TestRun run, SuiteFiles suiteFiles, Suite suite, Plan plan, boolean suiteFromDir) {}

  List<Prepared> prepare() {
    List<Manifests.Documents> streams = new ArrayList<>();
    for (Path file : files) {
      Manifests.Documents docs = Manifests.read(read(file, "TestRun file"), file.toString());
      for (Manifests.Ignored ignored : docs.ignored()) {
        command.commandLine().getErr().println("warning: " + ignored.place() + ": " + ignored.what()
            + " is not used by " + command.name() + "; ignored");
      }
      streams.add(docs);
    }
    ManifestSet manifests = ManifestSet.of(streams);
    if (manifests.testRuns().isEmpty()) {
      throw new CliException("no TestRun (apiVersion shardrun.io/v1alpha1, kind TestRun) in " + files);
    }
    History history = historyFile == null ? History.empty() : HistoryCodec.read(read(historyFile, "history file"), historyFile.toString());
    List<Prepared> prepared = new ArrayList<>();
    for (Manifests.Placed<TestRun> placed : manifests.testRuns()) {
      TestRun run = placed.object();
      String name = run.getMetadata() == null ? null : run.getMetadata().getName();
      List<String> problems = SpecValidator.problems(run);
      if (!problems.isEmpty()) {
        throw new CliException(placed.place() + ": TestRun " + (name == null ? "" : name + " ") + "is invalid:\n  "
            + String.join("\n  ", problems));
      }
      SuiteFiles suiteFiles = suiteFiles(run, manifests);
      if (suiteFiles.isEmpty()) {
        throw new CliException("TestRun " + name + ": the suite has no action files (*.json)");
      }
      Suite suite = SuiteParser.parse(suiteFiles).orThrow();
      prepared.add(new Prepared(run, suiteFiles, suite, RunPlanner.plan(run.getSpec(), suite, history, null), suiteDir != null));
    }
    return prepared;
  }

  private SuiteFiles suiteFiles(TestRun run, ManifestSet manifests) {
    if (suiteDir != null) {
      return SuiteFiles.fromDirectory(suiteDir);
    }
    String wanted = run.getSpec().getSuite().getConfigMap();
    return SuiteConfigMap.read(manifests.suiteOf(run).orElseThrow(() -> new CliException("TestRun " + run.getMetadata().getName()
        + " reads its suite from ConfigMap " + wanted + ": pass --suite DIR, or include ConfigMap " + wanted + " in a -f file")));
  }

  static String read(Path file, String what) {
    if (Files.isDirectory(file)) {
      throw new CliException("cannot read " + what + " " + file + ": is a folder; expected a file");
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException("cannot read " + what + " " + file + ": " + ErrorMessages.reason(e));
    }
  }
}
