package io.shardrun.cli;

import io.shardrun.core.action.ActionFile;
import io.shardrun.core.action.Command;
import io.shardrun.core.action.Step;
import io.shardrun.core.history.History;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.run.RunPlanner;
import io.shardrun.core.select.SelectionCriteria;
import io.shardrun.core.suite.Suite;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteParser;
import io.shardrun.core.variant.Variants;
import io.shardrun.crd.v1alpha1.HistorySpec;
import io.shardrun.crd.v1alpha1.Sharding;
import io.shardrun.executor.browser.BrowserSession;
import io.shardrun.executor.browser.BrowserTools;
import io.shardrun.executor.browser.LocalChromedriver;
import io.shardrun.executor.browser.RemoteSessions;
import io.shardrun.crd.v1alpha1.Isolation;
import io.shardrun.executor.browser.ContextSessions;
import io.shardrun.executor.browser.ExtensionsFolder;
import io.shardrun.executor.browser.SessionNeeds;
import io.shardrun.executor.event.FileEvents;
import io.shardrun.executor.event.MemoryEventBus;
import io.shardrun.executor.local.LocalBrowsers;
import io.shardrun.executor.local.LocalRun;
import io.shardrun.executor.local.LocalWork;
import io.shardrun.executor.run.FailFast;
import io.shardrun.executor.run.RunLimits;
import io.shardrun.executor.site.StaticSite;
import io.shardrun.executor.step.RunVariables;
import io.shardrun.executor.step.StepRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shardrun bench-executor}: suite wall time by shard count, and the executor's per-step overhead. */
@picocli.CommandLine.Command(name = "bench-executor", description =
    "Benchmark the executor on this machine. (1) Wall time of the example suite (without tag " + BenchExecutorCommand.EXCLUDED_TAG
        + ") against the example site, planned and run as 'shardrun run' does with parallel = shards:"
        + " median, min and max of --repeat runs per shard count and isolation (context, session; interleaved, after an"
        + " untimed warm-up run of each at the first shard count), the"
        + " speed-up against 1 shard and context against session; at 1 shard also a plain-WebDriver baseline (the same"
        + " files, a new session and profile each, no executor) and each isolation against it; files the baseline"
        + " cannot run are left out; a run where any file did not pass counts as failed,"
        + " not as a time. (2) In one"
        + " browser session on " + BenchExecutorCommand.PAGE + ": the median time of assertText and type steps"
        + " through StepRunner against the same WebDriver calls made directly, alternating in "
        + BenchExecutorCommand.ROUNDS + " rounds after a warm-up; and the median time to open and close a"
        + " session, and a user context in one browser, which FileRunner does once per file (isolation: session, context).")
final class BenchExecutorCommand implements Callable<Integer> {
  static final String EXCLUDED_TAG = "demo-failure";
  static final String PAGE = "form.html";
  static final int ROUNDS = 5;

  @Spec CommandSpec spec;

  @Option(names = "--shards", paramLabel = "N,N,...", defaultValue = "1,2,4",
      description = "Shard counts to time the suite at, comma-separated. Default: ${DEFAULT-VALUE}.")
  String shardList;

  @Option(names = "--repeat", paramLabel = "N", defaultValue = "5",
      description = "Suite runs per shard count. Default: ${DEFAULT-VALUE}.")
  int repeat;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "300",
      description = "Iterations of assertText + type per mode (direct, executor), spread over " + ROUNDS
          + " rounds. Default: ${DEFAULT-VALUE}.")
  int steps;

  @Option(names = "--sessions", paramLabel = "N", defaultValue = "10",
      description = "Sessions opened and closed to time one. Default: ${DEFAULT-VALUE}.")
  int sessions;

  @Option(names = "--suite", paramLabel = "DIR", defaultValue = "examples/suite",
      description = "The suite. Default: ${DEFAULT-VALUE}.")
  Path suiteDir;

  @Option(names = "--site", paramLabel = "DIR", defaultValue = "examples/site",
      description = "The site, served on 127.0.0.1; must have " + PAGE + ". Default: ${DEFAULT-VALUE}.")
  Path siteDir;

  @Option(names = "--include", paramLabel = "REGEX",
      description = "Time only suite files whose path matches one of these. Repeatable.")
  List<String> include = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    int[] shardCounts = BenchPlanCommand.parseShards(shardList);
    positive("--repeat", repeat);
    positive("--steps", steps);
    positive("--sessions", sessions);
    if (!Files.isDirectory(suiteDir)) {
      throw new CliException("--suite: " + suiteDir + " is not a folder");
    }
    if (!Files.isRegularFile(siteDir.resolve(PAGE))) {
      throw new CliException("--site: " + siteDir + (Files.isDirectory(siteDir) ? " has no " + PAGE : " is not a folder"));
    }
    Suite suite = SuiteParser.parse(SuiteFiles.fromDirectory(suiteDir)).orThrow();
    // Files the baseline cannot run are left out of every measurement, so all compare the same files.
    List<String> leftOut = suite.files().values().stream().filter(f -> !PlainWebDriverRun.maps(f)).map(ActionFile::path).toList();
    SelectionCriteria criteria = new SelectionCriteria(Set.of(), Set.of(EXCLUDED_TAG),
        SelectionCriteria.compile(include, "--include"),
        leftOut.stream().map(path -> Pattern.compile("^" + Pattern.quote(path) + "$")).toList(), null, null);
    List<Plan> plans = new ArrayList<>();
    for (int shards : shardCounts) {
      plans.add(RunPlanner.plan(criteria, shards, Sharding.BALANCED, HistorySpec.DEFAULT_WINDOW, suite, History.empty()));
    }
    if (plans.get(0).fileCount() == 0) {
      throw new CliException("no files selected in " + suiteDir + " (without tag " + EXCLUDED_TAG + ", --include " + include + ")");
    }
    BrowserTools tools = BrowserTools.resolve(null, null);
    PrintWriter out = spec.commandLine().getOut();
    try (StaticSite site = StaticSite.serve(siteDir)) {
      suiteTable(out, suite, plans, shardCounts, site.baseUrl(), tools, leftOut);
      out.println();
      stepTable(out, site.baseUrl() + "/" + PAGE, tools);
    }
    out.flush();
    return 0;
  }

  private static void positive(String flag, int value) {
    if (value < 1) {
      throw new CliException(flag + ": expected a number >= 1, got " + value);
    }
  }

  // ---- (1) suite wall time by shard count

  /** One timed configuration: a shard count and an isolation, or (isolation null) the plain-WebDriver baseline. */
  private record Cell(int shards, Isolation isolation) {
    String label() {
      return isolation == null ? "baseline" : isolation.wireName();
    }
  }

  private void suiteTable(PrintWriter out, Suite suite, List<Plan> plans, int[] shardCounts, String baseUrl,
      BrowserTools tools, List<String> leftOut) throws IOException, InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    List<List<Cell>> groups = new ArrayList<>(); // by shard count; the baseline runs beside 1 shard
    for (int shards : shardCounts) {
      List<Cell> group = new ArrayList<>(Arrays.stream(Isolation.values()).map(m -> new Cell(shards, m)).toList());
      if (shards == 1) {
        group.add(new Cell(1, null));
      }
      groups.add(group);
    }
    Map<Cell, List<Double>> seconds = new HashMap<>();
    List<String> failures = new ArrayList<>();
    Map<String, String> environment = Map.of("BASE_URL", baseUrl);
    Path artifacts = Files.createTempDirectory("shardrun-bench-executor-");
    try {
      // Run 0 is a warm-up of the first shard count, untimed: whichever configuration ran first
      // would pay for the cold start of the JVM, Chromium and the page cache.
      for (int r = 0; r <= repeat; r++) {
        for (int i = 0; i < (r == 0 ? 1 : groups.size()); i++) {
          List<Cell> group = groups.get(i);
          Plan plan = plans.get(i);
          for (int k = 0; k < group.size(); k++) {
            Cell cell = group.get((k + r) % group.size()); // which goes first rotates from run to run
            long start = System.nanoTime();
            List<String> bad = runCell(cell, plan, suite, environment, tools, artifacts.resolve(cell.shards() + "-shards-"
                + cell.label() + "-run-" + r));
            double elapsed = (System.nanoTime() - start) / 1e9;
            String run = r == 0 ? "warm-up" : String.format(Locale.ROOT, "run %d/%d", r, repeat);
            err.printf(Locale.ROOT, "%d shards, %s, %s: %s%n", cell.shards(), cell.label(), run,
                bad.isEmpty() ? String.format(Locale.ROOT, "%.2f s", elapsed) : "failed");
            err.flush();
            if (r == 0) {
              continue;
            }
            if (bad.isEmpty()) {
              seconds.computeIfAbsent(cell, c -> new ArrayList<>()).add(elapsed);
            } else {
              failures.add(String.format(Locale.ROOT, "%d shards, %s, run %d: %d of %d files passed; %s", cell.shards(),
                  cell.label(), r, plan.fileCount() - bad.size(), plan.fileCount(), String.join("; ", bad)));
            }
          }
        }
      }
    } finally {
      deleteTree(artifacts);
    }

    out.printf("suite: %d files of %s (without tag %s) against %s, %d runs per shard count, parallel = shards%n",
        plans.get(0).fileCount(), suiteDir, EXCLUDED_TAG, siteDir, repeat);
    out.println("left out, as the baseline does not map " + PlainWebDriverSteps.UNMAPPED.stream().map(Command::wireName).toList()
        + ": " + (leftOut.isEmpty() ? "none" : String.join(", ", leftOut)));
    out.println("speed-up: against the same isolation at 1 shard; context/session: median wall time of context against session"
        + " at the same shard count; baseline: plain WebDriver, a new session and profile per file, no executor");
    String row = "%6s %9s %7s %9s %7s %7s %9s %15s%n";
    out.printf(row, "shards", "isolation", "passed", "median s", "min s", "max s", "speed-up", "context/session");
    for (List<Cell> group : groups) {
      for (Cell cell : group) {
        List<Double> times = seconds.getOrDefault(cell, List.of());
        String passed = times.size() + "/" + repeat;
        if (times.isEmpty()) {
          out.printf(row, cell.shards(), cell.label(), passed, "failed", "-", "-", "-", "-");
          continue;
        }
        Stats s = Stats.of(toArray(times));
        Double oneShard = median(seconds, new Cell(1, cell.isolation()));
        Double session = median(seconds, new Cell(cell.shards(), Isolation.SESSION));
        out.printf(row, cell.shards(), cell.label(), passed, fmt2(s.median()), fmt2(s.min()), fmt2(s.max()),
            oneShard == null || cell.isolation() == null ? "-" : fmt2(oneShard / s.median()),
            cell.isolation() == Isolation.CONTEXT && session != null ? fmt2(s.median() / session) : "-");
      }
    }
    Double baseline = median(seconds, new Cell(1, null));
    if (baseline != null) {
      out.println("against the baseline at 1 shard (medians): " + Arrays.stream(Isolation.values())
          .map(m -> m.wireName() + "/baseline " + Optional.ofNullable(median(seconds, new Cell(1, m))).map(t -> fmt2(t / baseline)).orElse("-"))
          .collect(Collectors.joining(", ")));
    }
    failures.forEach(f -> out.println("failed: " + f));
  }

  /** The median wall time of {@code cell}; null when not timed or every run failed. */
  private static Double median(Map<Cell, List<Double>> seconds, Cell cell) {
    List<Double> times = seconds.get(cell);
    return times == null ? null : Stats.of(toArray(times)).median();
  }

  /** Runs the plan's first shard (or all, in parallel) as the cell says; returns what did not pass. */
  private List<String> runCell(Cell cell, Plan plan, Suite suite, Map<String, String> environment, BrowserTools tools,
      Path runDir) throws IOException, InterruptedException {
    if (cell.isolation() == null) {
      return PlainWebDriverRun.run(tools, plan.shards().get(0).paths().stream().map(suite::file).toList(), environment);
    }
    RunLimits limits = new RunLimits(StepRunner.DEFAULT_WAIT, RunLimits.DEFAULT_FILE_TIMEOUT, null, Instant.now());
    LocalRun run = new LocalRun(suite, LocalWork.planned(plan), environment, Variants.NONE, FailFast.off(), limits,
        new LocalBrowsers(tools, true, cell.isolation(), notice -> { }, ExtensionsFolder.of(suiteDir, suite)), runDir);
    List<FileRun> runs = run.run(cell.shards(), file -> {});
    List<String> bad = new ArrayList<>(runs.stream().filter(f -> f.status() != Outcome.PASSED)
        .map(f -> f.file() + " " + f.status().label() + ": " + f.message()).toList());
    if (runs.size() != plan.fileCount()) {
      bad.add(runs.size() + " of " + plan.fileCount() + " files ran");
    }
    return bad;
  }

  // ---- (2) per-step overhead and session cost

  private void stepTable(PrintWriter out, String pageUrl, BrowserTools tools) {
    Step type = new Step(Command.TYPE, "id=full-name", "x", null, "steps[1]");
    List<Double> directAssert = new ArrayList<>();
    List<Double> directType = new ArrayList<>();
    List<Double> executorAssert = new ArrayList<>();
    List<Double> executorType = new ArrayList<>();
    List<Double> sessionMs = new ArrayList<>();
    List<Double> contextMs = new ArrayList<>();
    try (LocalChromedriver chromedriver = LocalChromedriver.start(tools, true)) {
      RemoteSessions factory = chromedriver.sessions();
      try (BrowserSession session = factory.open(RunLimits.DEFAULT_FILE_TIMEOUT)) {
        WebDriver driver = session.driver();
        driver.get(pageUrl);
        String expected = driver.findElement(By.id("summary")).getText();
        Step assertText = new Step(Command.ASSERT_TEXT, "id=summary", expected, null, "steps[0]");
        StepRunner runner = new StepRunner(driver, new RunVariables(Map.of()), StepRunner.DEFAULT_WAIT, (name, png) -> {},
            route -> "", new FileEvents(new MemoryEventBus(), "bench", 0, new AtomicInteger())); // measures assertText and type only
        Runnable[] direct = {
          () -> {
            String text = driver.findElement(By.id("summary")).getText();
            if (!text.equals(expected)) {
              throw new IllegalStateException("#summary: expected '" + expected + "' but was '" + text + "'");
            }
          },
          () -> {
            WebElement name = driver.findElement(By.id("full-name"));
            name.clear();
            name.sendKeys("x");
          }
        };
        Runnable[] executor = {() -> runner.run(assertText), () -> runner.run(type)};
        int warmUp = Math.max(1, steps / ROUNDS);
        time(direct, warmUp, new ArrayList<>(), new ArrayList<>());
        time(executor, warmUp, new ArrayList<>(), new ArrayList<>());
        for (int round = 0; round < ROUNDS; round++) {
          int n = steps / ROUNDS + (round < steps % ROUNDS ? 1 : 0);
          if (round % 2 == 0) {
            time(direct, n, directAssert, directType);
            time(executor, n, executorAssert, executorType);
          } else {
            time(executor, n, executorAssert, executorType);
            time(direct, n, directAssert, directType);
          }
        }
      }
      try (ContextSessions contexts = new ContextSessions(factory, factory.withBiDi(), Isolation.CONTEXT, notice -> { })) {
        contexts.open(RunLimits.DEFAULT_FILE_TIMEOUT, SessionNeeds.ANY).close(); // starts the shared browser: once per shard, not per file
        for (int i = 0; i < sessions; i++) { // alternating, so both see the same machine
          long start = System.nanoTime();
          factory.open(RunLimits.DEFAULT_FILE_TIMEOUT).close();
          sessionMs.add((System.nanoTime() - start) / 1e6);
          start = System.nanoTime();
          contexts.open(RunLimits.DEFAULT_FILE_TIMEOUT, SessionNeeds.ANY).close();
          contextMs.add((System.nanoTime() - start) / 1e6);
        }
      }
    }

    out.printf("steps: %d of each command per mode in one session on %s, %d alternating rounds after a warm-up%n",
        steps, PAGE, ROUNDS);
    String row = "%-28s %12s %12s %16s%n";
    out.printf(row, "step (median)", "direct us", "executor us", "executor/direct");
    stepRow(out, row, "assertText id=summary", directAssert, executorAssert);
    stepRow(out, row, "type id=full-name x", directType, executorType);
    stepRow(out, row, "per step (both, pair / 2)", halfPairs(directAssert, directType), halfPairs(executorAssert, executorType));
    Stats s = Stats.of(toArray(sessionMs));
    out.printf(Locale.ROOT, "session open + close: median %.0f ms, min %.0f ms, max %.0f ms (%d sessions; isolation: session, one per file)%n",
        s.median(), s.min(), s.max(), s.count());
    Stats c = Stats.of(toArray(contextMs));
    out.printf(Locale.ROOT, "context open + close: median %.0f ms, min %.0f ms, max %.0f ms (%d contexts; isolation: context, one per file)"
        + "; context/session %.2f%n", c.median(), c.min(), c.max(), c.count(), c.median() / s.median());
  }

  /** Runs both steps {@code n} times, adding each one's time in microseconds. */
  private static void time(Runnable[] pair, int n, List<Double> first, List<Double> second) {
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      pair[0].run();
      long t1 = System.nanoTime();
      pair[1].run();
      long t2 = System.nanoTime();
      first.add((t1 - t0) / 1e3);
      second.add((t2 - t1) / 1e3);
    }
  }

  private static void stepRow(PrintWriter out, String row, String label, List<Double> direct, List<Double> executor) {
    double d = Stats.of(toArray(direct)).median();
    double e = Stats.of(toArray(executor)).median();
    out.printf(row, label, String.format(Locale.ROOT, "%.0f", d), String.format(Locale.ROOT, "%.0f", e), fmt2(e / d));
  }

  /** Each iteration's assertText + type time, halved: the mean step of the pair. */
  private static List<Double> halfPairs(List<Double> a, List<Double> b) {
    List<Double> half = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      half.add((a.get(i) + b.get(i)) / 2);
    }
    return half;
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static String fmt2(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
