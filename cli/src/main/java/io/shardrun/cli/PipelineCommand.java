package io.shardrun.cli;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.shardrun.cli.local.LocalReports;
import io.shardrun.cli.local.Progress;
import io.shardrun.cli.local.RunPhase;
import io.shardrun.cli.local.Summary;
import io.shardrun.core.history.History;
import io.shardrun.core.history.HistoryCodec;
import io.shardrun.core.pipeline.PipelineValidator;
import io.shardrun.core.pipeline.StageGate;
import io.shardrun.core.pipeline.StageRuns;
import io.shardrun.core.plan.BatchPolicy;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.WorkQueue;
import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.run.Manifests;
import io.shardrun.core.run.RunPlanner;
import io.shardrun.core.suite.Suite;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteParser;
import io.shardrun.crd.v1alpha1.Phase;
import io.shardrun.crd.v1alpha1.PipelineStage;
import io.shardrun.crd.v1alpha1.Sharding;
import io.shardrun.crd.v1alpha1.StagePhase;
import io.shardrun.crd.v1alpha1.TestPipeline;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.crd.v1alpha1.TestRunSpec;
import io.shardrun.executor.browser.BrowserTools;
import io.shardrun.executor.browser.ExtensionsFolder;
import io.shardrun.executor.local.LocalBrowsers;
import io.shardrun.executor.local.LocalRun;
import io.shardrun.executor.local.LocalWork;
import io.shardrun.executor.run.FailFast;
import io.shardrun.executor.run.RunLimits;
import io.shardrun.executor.site.StaticSite;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shardrun pipeline FILE --suite DIR}: a TestPipeline's stages on this machine, one after
 * another, each stage's TestRun spec run as {@code shardrun run} runs a suite, with the gate the
 * operator applies ({@link StageGate}).
 */
@Command(name = "pipeline", description = "Run a TestPipeline's stages on this machine, one after another, with the"
    + " operator's gate: a stage starts when the one before it Succeeded (or ended in any way, with continueOnFailure)."
    + " Exit 0 the pipeline Succeeded, 1 Failed, 2 Error or a usage error.")
final class PipelineCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "YAML file with one TestPipeline.")
  Path file;

  @Option(names = "--suite", required = true, paramLabel = "DIR", description = "The suite's folder, for every stage's"
      + " spec.suite.configMap.")
  Path suiteDir;

  @ArgGroup(exclusive = true)
  RunCommand.Site site;

  @Option(names = "--env", paramLabel = "NAME[=VALUE]", description = "A variable for the action files, over the stages'"
      + " spec.env; NAME alone takes it from this process's environment (for secrets). Repeatable.")
  List<String> env = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "Where results go: DIR/<pipeline>-<time>/<stage>/."
      + " Default: shardrun-out.")
  Path out = Path.of("shardrun-out");

  @Option(names = "--history", paramLabel = "FILE", description = "Run history for balanced estimates, updated after"
      + " each stage. Default: .shardrun/history.json.")
  Path history = Path.of(".shardrun/history.json");

  @Mixin BrowserToolOptions browser;

  @Override
  public Integer call() throws Exception {
    TestPipeline pipeline = read();
    OutputPaths.folder("--out", out);
    OutputPaths.file("--history", history);
    Suite suite = SuiteParser.parse(SuiteFiles.fromDirectory(suiteDir)).orThrow();
    noteWhatHasNoLocalMeaning(pipeline);
    BrowserTools tools = browser.resolve();
    PrintWriter stdout = spec.commandLine().getOut();
    List<PipelineStage> stages = pipeline.getSpec().getStages();
    List<StagePhase> phases = new ArrayList<>(stages.stream().map(s -> StagePhase.Waiting).toList());
    List<List<FileRun>> results = new ArrayList<>(stages.stream().map(s -> List.<FileRun>of()).toList());
    // the timestamp of a run folder, without its "run-" prefix
    Path pipelineDir = out.resolve(pipeline.getMetadata().getName() + "-" + RunCommand.RUN_ID.format(Instant.now()).substring(4));
    try (StaticSite served = site != null && site.serve != null ? StaticSite.serve(site.serve) : null) {
      StageGate.Progress progress = StageGate.progress(stages, phases);
      while (progress.next() != null) {
        int next = progress.next();
        TestRun run = StageRuns.testRun(pipeline, next);
        stdout.printf("%nstage %s (%d/%d): TestRun %s%n", stages.get(next).getName(), next + 1, stages.size(), run.getMetadata().getName());
        stdout.flush();
        StageResult result = runStage(run, suite, environment(run.getSpec(), served), tools, pipelineDir.resolve(stages.get(next).getName()));
        results.set(next, result.runs());
        phases.set(next, StagePhase.of(result.phase()));
        progress = StageGate.progress(stages, phases);
      }
      stdout.print(summary(pipeline, progress, results));
      stdout.printf("results: %s%n", pipelineDir);
      stdout.flush();
      return ExitCodes.of(progress.phase());
    }
  }

  private TestPipeline read() {
    Manifests.Documents docs = Manifests.read(RunInputs.read(file, "TestPipeline file"), file.toString());
    if (docs.testPipelines().size() != 1) {
      throw new CliException(file + ": expected one TestPipeline (apiVersion shardrun.io/v1alpha1, kind TestPipeline), found "
          + docs.testPipelines().size());
    }
    TestPipeline pipeline = docs.testPipelines().get(0);
    List<String> problems = PipelineValidator.problems(pipeline);
    if (!problems.isEmpty()) {
      throw new CliException(docs.placedTestPipelines().get(0).place() + ": TestPipeline is invalid:\n  " + String.join("\n  ", problems));
    }
    return pipeline;
  }

  /** Once per field, whichever stages set it. */
  private void noteWhatHasNoLocalMeaning(TestPipeline pipeline) {
    Set<String> ignored = new LinkedHashSet<>();
    pipeline.getSpec().getStages().forEach(stage -> ignored.addAll(LocalMeaning.ignored(stage.getTemplate().getSpec())));
    ignored.forEach(field -> spec.commandLine().getErr().println("note: spec.stages[].template.spec." + field + ": ignored locally"));
  }

  /** How a stage ended: its phase (Error also when its deadline passed) and every file's run. */
  private record StageResult(Phase phase, List<FileRun> runs) {}

  /** One stage's TestRun spec, run as {@code shardrun run} runs a suite: planned by the operator's planner, one worker per shard. */
  private StageResult runStage(TestRun run, Suite suite, Map<String, String> environment, BrowserTools tools, Path stageDir)
      throws IOException, InterruptedException {
    TestRunSpec stage = run.getSpec();
    History past = Files.exists(history) ? HistoryCodec.read(Files.readString(history), history.toString()) : History.empty();
    Plan plan = RunPlanner.plan(stage, suite, past, null);
    if (plan.fileCount() == 0) {
      spec.commandLine().getOut().println("no files selected: nothing to run");
      return new StageResult(Phase.Succeeded, List.of());
    }
    boolean dynamic = stage.getSharding() == Sharding.DYNAMIC;
    int shards = dynamic ? Math.min(stage.getShards(), plan.units().size()) : plan.jobShards().size();
    LocalWork work = dynamic ? LocalWork.queued(new WorkQueue(plan.units(), Set.of(), shards, BatchPolicy.of(stage.getBatch())), shards)
        : LocalWork.planned(plan);
    int workers = Math.min(stage.getParallelism() != null ? stage.getParallelism() : shards, Runtime.getRuntime().availableProcessors());
    Instant started = Instant.now();
    RunLimits limits = new RunLimits(Duration.ofSeconds(10), RunLimits.DEFAULT_FILE_TIMEOUT, Duration.ofSeconds(stage.getTimeoutSeconds()),
        started);
    PrintWriter stdout = spec.commandLine().getOut();
    Progress progress = new Progress(stdout, System.console() != null, plan.fileCount(), System::currentTimeMillis, plan.estimatesMs(),
        Math.max(1, Math.min(workers, shards)));
    List<FileRun> runs;
    try {
      LocalBrowsers browsers = new LocalBrowsers(tools, RunCommand.loopbackOnly(environment), stage.getExecutor().getIsolation(),
          notice -> spec.commandLine().getErr().println("note: " + notice), ExtensionsFolder.of(suiteDir, suite));
      runs = new LocalRun(suite, work, environment, plan.variantsOrNone(), FailFast.off(), limits, browsers, stageDir)
          .run(Math.max(1, workers), progress::finished);
    } finally {
      progress.close();
    }
    stdout.print(Summary.render(runs));
    Phase phase = RunPhase.of(runs, !limits.runDeadlinePassed());
    LocalReports.write(stageDir, new LocalReports.RunResults(run.getMetadata().getName(), phase, started.toString(),
        Instant.now().toString(), List.of(), runs), stageDir.resolve("junit.xml"), null, history);
    if (limits.runDeadlinePassed()) {
      stdout.printf("the stage's deadline (spec.timeoutSeconds %d s) passed: the stage did not complete%n", stage.getTimeoutSeconds());
    }
    return new StageResult(phase, runs);
  }

  /** The stage's spec.env values, then --env, then BASE_URL of --serve or --base-url. */
  private Map<String, String> environment(TestRunSpec stage, StaticSite served) {
    Map<String, String> vars = new LinkedHashMap<>();
    for (EnvVar var : stage.getEnv()) {
      if (var.getValue() != null) {
        vars.put(var.getName(), var.getValue());
      }
    }
    vars.putAll(RunCommand.environment(env, served, site));
    return vars;
  }

  /** Each stage's name, phase and counts, then the pipeline's phase and why. */
  static String summary(TestPipeline pipeline, StageGate.Progress progress, List<List<FileRun>> results) {
    List<PipelineStage> stages = pipeline.getSpec().getStages();
    StringBuilder out = new StringBuilder(String.format("%nPipeline %s%n%-24s %-10s %6s %7s %7s %8s %7s%n",
        pipeline.getMetadata().getName(), "STAGE", "PHASE", "FILES", "PASSED", "FAILED", "SKIPPED", "ERRORS"));
    for (int i = 0; i < stages.size(); i++) {
      List<FileRun> runs = results.get(i);
      out.append(String.format("%-24s %-10s %6d %7d %7d %8d %7d%n", stages.get(i).getName(), progress.stages().get(i), runs.size(),
          count(runs, Outcome.PASSED), count(runs, Outcome.FAILED), count(runs, Outcome.SKIPPED), count(runs, Outcome.ERROR)));
    }
    return out.append(String.format("pipeline %s: %s%n", progress.phase(), progress.verdict(stages))).toString();
  }

  private static long count(List<FileRun> runs, Outcome outcome) {
    return runs.stream().filter(r -> r.status() == outcome).count();
  }
}
