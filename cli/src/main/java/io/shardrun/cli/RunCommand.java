package io.shardrun.cli;

import io.shardrun.cli.local.LocalReports;
import io.shardrun.cli.local.Progress;
import io.shardrun.cli.local.RunPhase;
import io.shardrun.cli.local.SharedFile;
import io.shardrun.cli.local.Shutdown;
import io.shardrun.cli.local.Summary;
import io.shardrun.cli.local.SuiteWatcher;
import io.shardrun.core.action.Variables;
import io.shardrun.core.Durations;
import io.shardrun.core.history.Flaky;
import io.shardrun.core.history.History;
import io.shardrun.core.history.HistoryCodec;
import io.shardrun.core.plan.BatchPolicy;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.PlannedFile;
import io.shardrun.core.plan.WorkQueue;
import io.shardrun.core.plan.WorkUnit;
import io.shardrun.core.report.HtmlReport;
import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.Ledger;
import io.shardrun.core.results.LedgerEntry;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.run.RunPlanner;
import io.shardrun.core.select.SelectionCriteria;
import io.shardrun.core.suite.Suite;
import io.shardrun.core.suite.SuiteException;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteParser;
import io.shardrun.core.variant.VariantIds;
import io.shardrun.core.variant.Variants;
import io.shardrun.crd.v1alpha1.ChangedMode;
import io.shardrun.crd.v1alpha1.Compare;
import io.shardrun.crd.v1alpha1.HistorySpec;
import io.shardrun.crd.v1alpha1.Phase;
import io.shardrun.crd.v1alpha1.Sharding;
import io.shardrun.crd.v1alpha1.TestRunSpec;
import io.shardrun.executor.browser.BrowserTools;
import io.shardrun.crd.v1alpha1.Isolation;
import io.shardrun.executor.browser.ExtensionsFolder;
import io.shardrun.executor.local.LocalBrowsers;
import io.shardrun.executor.local.LocalRun;
import io.shardrun.executor.local.LocalWork;
import io.shardrun.executor.run.FailFast;
import io.shardrun.executor.run.RunLimits;
import io.shardrun.executor.site.StaticSite;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shardrun run SUITE_DIR}: the suite, sharded, on this machine, with no cluster. */
@Command(name = "run", description = "Run a suite on this machine: the same planning as the operator,"
    + " each shard a worker with its own headless Chromium. Exit 0 all passed, 1 tests failed, 2 usage or"
    + " infrastructure error.")
final class RunCommand implements Callable<Integer> {
  static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("'run-'yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
  private static final String DYNAMIC = "dynamic";
  private static final java.util.regex.Pattern RUN_DIR = java.util.regex.Pattern.compile("run-\\d{8}-\\d{6}(-\\d{3})?");

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SUITE_DIR", description = "The suite's root folder.")
  Path suiteDir;

  @Option(names = "--shards", paramLabel = "N", description = "Number of shards (1 to 1000). Default: 1.")
  int shards = 1;

  @Option(names = "--isolation", paramLabel = "context|session", converter = IsolationFlag.class, defaultValue = "context",
      description = IsolationFlag.DESCRIPTION)
  Isolation isolation;

  @Option(names = "--sharding", paramLabel = "hash|balanced|dynamic", description = "How files are spread over shards:"
      + " planned up front by hash or balanced estimates, or dynamic: each shard takes batches from a queue as it"
      + " goes. Default: balanced.")
  String sharding = "balanced";

  @Option(names = "--batch", paramLabel = "MODE", description = "With --sharding dynamic, how much a shard takes at a"
      + " time: time:SECONDS of estimated work, count:N work units, off (one unit), or shrinking (the queue's estimate"
      + " left over twice the shards). Default: shrinking.")
  String batch;

  @Option(names = "--parallel", paramLabel = "P", description = "Shards run at once. Default: min(shards, cores).")
  Integer parallel;

  @Option(names = "--tag", paramLabel = "TAG", description = "Run only files with at least one of these tags. Repeatable.")
  List<String> tags = new ArrayList<>();

  @Option(names = "--exclude-tag", paramLabel = "TAG", description = "Skip files with any of these tags. Repeatable.")
  List<String> excludeTags = new ArrayList<>();

  @Option(names = "--include", paramLabel = "REGEX", description = "Run only files whose suite path matches one of these. Repeatable.")
  List<String> include = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "REGEX", description = "Skip files whose suite path matches any of these. Repeatable.")
  List<String> exclude = new ArrayList<>();

  @Option(names = "--changed-since", paramLabel = "REF", description = "Run only files affected by what changed since"
      + " this git ref (changed action files, their downstream, files whose meta.covers match a changed path).")
  String changedSince;

  @Option(names = "--changed-mode", paramLabel = "MODE", description = "With --changed-since: only (default) runs just the"
      + " affected files; first runs every selected file, the affected ones (and what they depend on) first.")
  String changedMode;

  @ArgGroup(exclusive = true)
  Site site;

  /** Where the site under test is. */
  static final class Site {
    @Option(names = "--base-url", paramLabel = "URL", description = "Base URL of the site under test: $${BASE_URL}.")
    String baseUrl;

    @Option(names = "--serve", paramLabel = "DIR", description = "Serve DIR on 127.0.0.1 and set $${BASE_URL} to it.")
    Path serve;
  }

  @Option(names = "--env", paramLabel = "NAME[=VALUE]", description = "A variable for the action files; NAME alone"
      + " takes it from this process's environment (for secrets). Repeatable.")
  List<String> env = new ArrayList<>();

  @Option(names = "--variant", paramLabel = "NAME[=VAR=VALUE,...]", description = VariantFlags.VARIANT_DESCRIPTION)
  List<String> variantFlags = new ArrayList<>();

  @Option(names = "--compare", paramLabel = "MODE", converter = VariantFlags.CompareConverter.class,
      description = VariantFlags.COMPARE_DESCRIPTION)
  Compare compare;

  @Option(names = "--fail-fast", description = "Stop at the first file that fails or errors: every worker ends the file it"
      + " is running, and the files not started end skipped (fail-fast).")
  boolean failFast;

  @Option(names = "--out", paramLabel = "DIR", description = "Where results, reports and screenshots go: DIR/<run>/."
      + " Default: shardrun-out.")
  Path out = Path.of("shardrun-out");

  @Option(names = "--junit", paramLabel = "FILE", description = "Merged JUnit XML report. Default: <out>/<run>/junit.xml.")
  Path junit;

  @Option(names = "--report", paramLabel = "FILE", description = "Write the run's HTML report to FILE.")
  Path report;

  @Option(names = "--ledger", paramLabel = "FILE", description = "Append each file's outcome of this run to FILE.")
  Path ledger;

  @Option(names = "--rerun-failed", paramLabel = "LEDGER", description = "Run only the files that failed or errored"
      + " in the last run recorded in this ledger (plus what they depend on).")
  Path rerunFailed;

  @Option(names = "--history", paramLabel = "FILE", description = "Run history for balanced estimates, updated after"
      + " each run. Default: .shardrun/history.json.")
  Path history = Path.of(".shardrun/history.json");

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Deadline for the whole run.")
  Long timeout;

  @Option(names = "--file-timeout", paramLabel = "SECONDS", description = "Limit per file without meta.timeout_s. Default: 300.")
  long fileTimeout = RunLimits.DEFAULT_FILE_TIMEOUT.toSeconds();

  @Option(names = "--wait", paramLabel = "SECONDS", description = "How long a step waits for its element by default. Default: 10.")
  long waitSeconds = 10;

  @Option(names = "--watch", description = "After the run, run again whenever the suite changes (Ctrl-C to stop).")
  boolean watch;

  @Option(names = "--every", paramLabel = "DURATION", converter = WaitTimeout.class, description = "Run again DURATION after"
      + " each run ends (e.g. 10m, 1h), with the history carried from run to run, until stopped (Ctrl-C).")
  Duration every;

  @Option(names = "--times", paramLabel = "N", description = "With --every: stop after N runs. Default: no limit.")
  Integer times;

  @Mixin BrowserToolOptions browser;

  @Override
  public Integer call() throws Exception {
    checkFlags();
    checkFiles();
    BrowserTools tools = browser.resolve();
    try (StaticSite served = site != null && site.serve != null ? StaticSite.serve(site.serve) : null) {
      Map<String, String> environment = environment(env, served, site);
      int exit = watch ? runWatched(environment, tools) : runOnce(environment, tools);
      while (watch) {
        spec.commandLine().getErr().println("watching " + suiteDir + " for changes (Ctrl-C to stop)...");
        SuiteWatcher.awaitChange(suiteDir, Duration.ofMillis(500));
        exit = runWatched(environment, tools);
      }
      for (int done = 1; every != null && (times == null || done < times); done++) {
        spec.commandLine().getErr().println("next run in " + Durations.format(every.toMillis()) + " (Ctrl-C to stop)...");
        Thread.sleep(every.toMillis()); // Ctrl-C ends the JVM here, between runs, with nothing half-written
        exit = runWatched(environment, tools);
      }
      return exit;
    }
  }

  /**
   * A run under --watch: a suite with problems (a file saved half-edited) is reported and the
   * watch goes on, so the next save runs again.
   */
  private int runWatched(Map<String, String> environment, BrowserTools tools) throws IOException, InterruptedException {
    try {
      return runOnce(environment, tools);
    } catch (SuiteException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return ExitCodes.USAGE_OR_INFRASTRUCTURE;
    }
  }

  private int runOnce(Map<String, String> environment, BrowserTools tools) throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Suite suite = SuiteParser.parse(SuiteFiles.fromDirectory(suiteDir, this::writtenByRuns)).orThrow();
    Path extensions = ExtensionsFolder.of(suiteDir, suite);
    History past = readHistory();
    Variants variants = suite.variants().overriddenBy(VariantFlags.parse(variantFlags), compare);
    LocalWork work;
    int fileCount;
    int shardCount;
    Map<String, Long> estimates;
    if (sharding.equals(DYNAMIC)) {
      List<WorkUnit> units = RunPlanner.queue(criteria(suite), HistorySpec.DEFAULT_WINDOW, suite, past).stream()
          .map(u -> u.withVariants(variants)).toList();
      fileCount = units.stream().mapToInt(u -> u.files().size()).sum();
      estimates = PlannedFile.estimatesMs(units.stream().flatMap(u -> u.files().stream()));
      shardCount = Math.min(shards, units.size());
      work = LocalWork.queued(new WorkQueue(units, Set.of(), Math.max(1, shardCount),
          batch == null ? BatchPolicy.shrinking() : BatchFlag.parse("--batch", batch)), shardCount);
    } else {
      Plan plan = RunPlanner.plan(criteria(suite), shards, Sharding.valueOf(sharding.toUpperCase(java.util.Locale.ROOT)),
          HistorySpec.DEFAULT_WINDOW, suite, past).withVariants(variants);
      fileCount = plan.fileCount();
      estimates = plan.estimatesMs();
      shardCount = plan.jobShards().size();
      work = LocalWork.planned(plan);
    }
    if (fileCount == 0) {
      out.println("no files selected: nothing to run");
      return 0;
    }
    Instant started = Instant.now();
    String runId = RUN_ID.format(started);
    Path runDir = this.out.resolve(runId);
    int workers = parallel != null ? parallel : Math.min(shards, Runtime.getRuntime().availableProcessors());
    String files = variants.isEmpty() ? fileCount + " files"
        : fileCount + " runs (" + fileCount / variants.sets().size() + " files x " + variants.sets().size() + " variants, compare "
            + variants.compare().wireName() + ")";
    out.printf("%s: %s on %d shards (%s), %d at a time%n", runId, files, shardCount, sharding,
        Math.min(workers, shardCount));
    RunLimits limits = new RunLimits(Duration.ofSeconds(waitSeconds), Duration.ofSeconds(fileTimeout),
        timeout == null ? null : Duration.ofSeconds(timeout), started);
    Progress progress = new Progress(out, System.console() != null, fileCount, System::currentTimeMillis, estimates,
        Math.min(workers, shardCount));
    List<FileRun> runs;
    try {
      LocalBrowsers browsers = new LocalBrowsers(tools, loopbackOnly(environment), isolation,
          notice -> spec.commandLine().getErr().println("note: " + notice), extensions);
      runs = new LocalRun(suite, work, environment, variants, failFast ? FailFast.on() : FailFast.off(), limits, browsers, runDir).run(workers, progress::finished);
    } finally {
      progress.close();
    }
    if (Shutdown.inProgress()) {
      // SIGINT or SIGTERM: the files it cut short did not fail; nothing of this run is recorded.
      return ExitCodes.USAGE_OR_INFRASTRUCTURE;
    }
    out.print(Summary.render(runs));
    out.flush();
    Phase phase = RunPhase.of(runs, !limits.runDeadlinePassed());
    LocalReports.RunResults results = new LocalReports.RunResults(runId, phase, started.toString(), Instant.now().toString(),
        flaky(past, runs), runs);
    LocalReports.write(runDir, results, junit != null ? junit : runDir.resolve("junit.xml"), ledger, history);
    out.printf("results: %s%n", runDir);
    if (report != null) {
      SharedFile.replace(report, HtmlReport.render(LocalRunReports.of(runDir, results, report)));
      out.printf("report: %s%n", report);
    }
    if (limits.runDeadlinePassed()) {
      out.printf("the run's deadline (--timeout %d s) passed: the run did not complete%n", timeout);
    }
    out.flush();
    return ExitCodes.of(phase);
  }

  /** The run's files that the history before it shows as flaky, as the operator counts them for a TestRun. */
  private static List<String> flaky(History past, List<FileRun> runs) {
    Set<String> inHistory = Flaky.files(past, HistorySpec.DEFAULT_WINDOW, HistorySpec.DEFAULT_FLAKY_MIN_RUNS);
    return runs.stream().map(FileRun::file).filter(inHistory::contains).distinct().sorted().toList();
  }

  /**
   * Whether {@code file} is something runs write (a run folder under --out, history, reports,
   * ledger): run from the suite's own folder, the default shardrun-out/ lands inside the suite,
   * and its results.json must not be read back as an action file by the next run.
   */
  private boolean writtenByRuns(Path file) {
    Path f = file.toAbsolutePath().normalize();
    Path runs = out.toAbsolutePath().normalize();
    if (f.startsWith(runs) && !f.equals(runs) && RUN_DIR.matcher(runs.relativize(f).getName(0).toString()).matches()) {
      return true;
    }
    for (Path written : new Path[] {history, junit, ledger}) {
      if (written != null && f.equals(written.toAbsolutePath().normalize())) {
        return true;
      }
    }
    return false;
  }

  private void checkFlags() {
    if (every != null && watch) {
      throw new CliException("--every and --watch cannot be combined: choose runs on a timer or on suite changes");
    }
    if (times != null && (every == null || times < 1)) {
      throw new CliException(every == null ? "--times applies with --every only" : "--times must be 1 or more, got " + times);
    }
    if (shards < 1 || shards > TestRunSpec.MAX_SHARDS) {
      throw new CliException("--shards must be 1 to " + TestRunSpec.MAX_SHARDS + ", got " + shards);
    }
    if (!List.of("hash", "balanced", DYNAMIC).contains(sharding)) {
      throw new CliException("--sharding must be hash, balanced or dynamic, got '" + sharding + "'");
    }
    if (batch != null && !sharding.equals(DYNAMIC)) {
      throw new CliException("--batch applies to --sharding dynamic only");
    }
    if (changedMode != null && ChangedMode.ofWireName(changedMode) == null) {
      throw new CliException("--changed-mode must be only or first, got '" + changedMode + "'");
    }
    if (changedMode != null && changedSince == null) {
      throw new CliException("--changed-mode applies with --changed-since only");
    }
    if (batch != null) {
      BatchFlag.parse("--batch", batch);
    }
    if (parallel != null && parallel < 1) {
      throw new CliException("--parallel must be at least 1, got " + parallel);
    }
    if ((timeout != null && timeout < 1) || fileTimeout < 1 || waitSeconds < 0) {
      throw new CliException("--timeout and --file-timeout must be at least 1 second, --wait at least 0");
    }
    if (site != null && site.baseUrl != null && !HttpUrls.isAbsolute(site.baseUrl)) {
      throw new CliException("--base-url must be an absolute http(s) URL, got '" + site.baseUrl + "'");
    }
    for (String entry : env) {
      if (!Variables.NAME.matcher(envName(entry)).matches()) {
        throw new CliException("--env '" + entry + "': the name must match " + Variables.NAME.pattern() + " (NAME or NAME=VALUE)");
      }
    }
  }

  /**
   * Every path the run will write, and the ledger and history it will read, before anything
   * starts: a run must not end by losing its reports to a wrong path or a foreign file.
   */
  private void checkFiles() {
    OutputPaths.folder("--out", out);
    if (junit != null) {
      OutputPaths.file("--junit", junit);
    }
    if (report != null) {
      OutputPaths.file("--report", report);
    }
    if (ledger != null) {
      OutputPaths.file("--ledger", ledger);
      if (Files.exists(ledger)) {
        ledger("--ledger", ledger);
      }
    }
    if (history != null) {
      OutputPaths.file("--history", history);
    }
  }

  private SelectionCriteria criteria(Suite suite) {
    List<String> changed = changedSince == null ? null : ChangedFiles.since(suiteDir, changedSince);
    SelectionCriteria criteria = new SelectionCriteria(Set.copyOf(tags), Set.copyOf(excludeTags),
        SelectionCriteria.compile(include, "--include"), SelectionCriteria.compile(exclude, "--exclude"), changed, null);
    if (ChangedMode.FIRST.wireName().equals(changedMode)) {
      criteria = criteria.withChangedFirst();
    }
    Set<String> rerun = rerunOnly();
    if (rerun == null) {
      return criteria;
    }
    List<String> gone = rerun.stream().filter(file -> !suite.files().containsKey(VariantIds.path(file))).sorted().toList();
    if (!gone.isEmpty()) {
      spec.commandLine().getErr().printf("warning: --rerun-failed %s: %d of the files that did not pass are no longer in"
          + " the suite and are not run: %s%n", rerunFailed, gone.size(), String.join(", ", gone));
    }
    return criteria.withRerunOnly(rerun);
  }

  private History readHistory() throws IOException {
    return history != null && Files.exists(history)
        ? HistoryCodec.read(Files.readString(history), history.toString()) : History.empty();
  }

  private Set<String> rerunOnly() {
    if (rerunFailed == null) {
      return null;
    }
    Map<String, Outcome> last = Ledger.lastRun(ledger("--rerun-failed", rerunFailed));
    return last.entrySet().stream().filter(e -> e.getValue().isBad()).map(Map.Entry::getKey).collect(Collectors.toSet());
  }

  /** The ledger a flag names, read and checked: an error names the flag, the file and the line. */
  private static List<LedgerEntry> ledger(String flag, Path file) {
    try {
      return Ledger.parse(RunInputs.read(file, "ledger"), file.toString());
    } catch (IllegalArgumentException e) {
      throw new CliException(flag + " " + e.getMessage() + "; name a ledger written by --ledger");
    }
  }

  /** The variables of --env flags, and BASE_URL of --serve or --base-url. */
  static Map<String, String> environment(List<String> env, StaticSite served, Site site) {
    Map<String, String> vars = new LinkedHashMap<>();
    for (String entry : env) {
      String name = envName(entry);
      String value = name.equals(entry) ? System.getenv(name) : entry.substring(name.length() + 1);
      if (value == null) {
        throw new CliException("--env " + name + ": no such variable in this process's environment");
      }
      vars.put(name, value);
    }
    if (served != null) {
      vars.put("BASE_URL", served.baseUrl());
    } else if (site != null && site.baseUrl != null) {
      vars.put("BASE_URL", site.baseUrl.replaceAll("/+$", ""));
    }
    return vars;
  }

  /** The NAME of an --env NAME or NAME=VALUE. */
  private static String envName(String entry) {
    int eq = entry.indexOf('=');
    return eq < 0 ? entry : entry.substring(0, eq);
  }

  static boolean loopbackOnly(Map<String, String> environment) {
    String base = environment.get("BASE_URL");
    if (base == null) {
      return false;
    }
    String host = URI.create(base).getHost();
    return "127.0.0.1".equals(host) || "localhost".equals(host);
  }

}
