package io.shardrun.operator.bench;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.PlanCodec;
import io.shardrun.core.plan.PlannedFile;
import io.shardrun.core.plan.PlannedShard;
import io.shardrun.crd.v1alpha1.Sharding;
import io.shardrun.core.render.Images;
import io.shardrun.core.render.JobRenderer;
import io.shardrun.core.render.Labels;
import io.shardrun.core.render.Names;
import io.shardrun.core.render.SuiteConfigMap;
import io.shardrun.core.results.FileResult;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.results.ResultsCodec;
import io.shardrun.core.results.ResultsDocument;
import io.shardrun.core.results.ShardCounts;
import io.shardrun.core.results.ShardState;
import io.shardrun.core.suite.SuiteFile;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteKeys;
import io.shardrun.crd.v1alpha1.Phase;
import io.shardrun.crd.v1alpha1.SuiteSource;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.crd.v1alpha1.TestRunSpec;
import io.shardrun.crd.v1alpha1.TestRunStatus;
import io.shardrun.operator.ShardrunOperator;
import io.shardrun.operator.decide.Decision;
import io.shardrun.operator.decide.Published;
import io.shardrun.operator.decide.RunDecider;
import io.shardrun.operator.decide.RunObservation;
import io.shardrun.operator.decide.ShardObservation;
import io.shardrun.operator.decide.ShardPod;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * The operator on the Fabric8 mock API server (CRUD mode, in this JVM): time from a TestRun's
 * creation to all its shard Jobs, status aggregation for many shards and files, and heap with many
 * TestRuns present. docs/benchmarks.md ("Operator") describes what is measured and how to run it
 * ({@code scripts/bench-operator.sh}).
 */
public final class OperatorBench {
  static final String CRD = "/META-INF/fabric8/testruns.shardrun.io-v1.yml";
  static final long POLL_MS = 10;
  static final long TIMEOUT_MS = 300_000;
  static final long QUIET_MS = 500;
  /** The mock server logs every request at INFO (java.util.logging): held here, as JUL keeps loggers weakly. */
  static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  /**
   * @param shardCounts shard counts for the Jobs timing; every shard gets {@code filesPerShard} files
   * @param jobRuns timed runs per shard count (after one warm-up run at the largest)
   * @param aggShards shards of the aggregation benchmark
   * @param aggFiles files per shard there
   * @param aggCalls timed decisions (each decoding every shard's annotation, then deciding the status) (after as many warm-up calls)
   * @param pathRuns runs of the reconcile-to-status path at aggShards x aggFiles; 0 skips it
   * @param testRuns TestRuns present for the heap measurement
   */
  record Config(List<Integer> shardCounts, int filesPerShard, int jobRuns, int aggShards, int aggFiles, int aggCalls,
      int pathRuns, int testRuns) {
    static final Config DEFAULT = new Config(List.of(1, 50, 200), 2, 5, 200, 50, 20, 3, 500);
  }

  private OperatorBench() {}

  public static void main(String[] args) throws Exception {
    Config c = Config.DEFAULT;
    for (int i = 0; i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--shards" -> c = new Config(Arrays.stream(value.split(",")).map(Integer::valueOf).toList(), c.filesPerShard(),
            c.jobRuns(), c.aggShards(), c.aggFiles(), c.aggCalls(), c.pathRuns(), c.testRuns());
        case "--runs" -> c = new Config(c.shardCounts(), c.filesPerShard(), Integer.parseInt(value), c.aggShards(), c.aggFiles(),
            c.aggCalls(), c.pathRuns(), c.testRuns());
        case "--testruns" -> c = new Config(c.shardCounts(), c.filesPerShard(), c.jobRuns(), c.aggShards(), c.aggFiles(),
            c.aggCalls(), c.pathRuns(), Integer.parseInt(value));
        default -> {
          System.err.println("usage: OperatorBench [--shards 1,50,200] [--runs 5] [--testruns 500]");
          System.exit(2);
        }
      }
    }
    run(c, System.out);
    System.exit(0); // JOSDK and the mock server leave non-daemon threads behind
  }

  static void run(Config c, PrintStream out) throws Exception {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING); // a line per request would cost more than some of what is timed
    out.printf(Locale.ROOT, "%s, %d cores, max heap %d MiB, load average %.2f%n", System.getProperty("java.vm.name") + " "
        + System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    // Heap first, before any other operator or mock server has lived in this JVM: what they leave
    // behind (threads winding down after stop and close) cannot count.
    try (Mock mock = Mock.start()) {
      heap(mock, c, out);
    }
    try (Mock mock = Mock.start()) {
      Operator operator = ShardrunOperator.start(mock.client, Images.defaults(), Set.of(), null, Clock.systemUTC(), new SimpleMeterRegistry());
      try {
        jobsCreated(mock, c, out);
        aggregation(c, out);
        if (c.pathRuns() > 0) {
          reconcileToStatus(mock, c, out);
        }
      } finally {
        operator.stop();
      }
    }
  }

  // --- 1. TestRun created -> all its Jobs exist -------------------------------------------------

  static void jobsCreated(Mock mock, Config c, PrintStream out) {
    int largest = c.shardCounts().stream().mapToInt(Integer::intValue).max().orElseThrow();
    timeJobs(mock, "warmup", largest, c.filesPerShard()); // class loading and JIT, not counted
    Map<Integer, List<Double>> ms = new HashMap<>();
    Map<Integer, List<Double>> direct = new HashMap<>();
    for (int r = 0; r < c.jobRuns(); r++) { // interleaved (1, 50, 200, 1, 50, 200, ...): load drift spreads over all
      for (int shards : c.shardCounts()) {
        double[] times = timeJobs(mock, "jobs-" + shards + "-" + r, shards, c.filesPerShard());
        ms.computeIfAbsent(shards, s -> new ArrayList<>()).add(times[0]);
        direct.computeIfAbsent(shards, s -> new ArrayList<>()).add(times[1]);
      }
    }
    out.printf("%njobs: TestRun created -> all its shard Jobs exist (polled every %d ms), %d runs per shard count after 1 warm-up;"
        + " direct: the same Jobs created one by one by the client, no operator involved%n", POLL_MS, c.jobRuns());
    out.printf("%6s %6s %10s %8s %8s %10s %10s%n", "shards", "files", "median ms", "min ms", "max ms", "ms/shard", "direct ms");
    for (int shards : c.shardCounts()) {
      Stats s = Stats.of(ms.get(shards));
      out.printf(Locale.ROOT, "%6d %6d %10.0f %8.0f %8.0f %10.1f %10.0f%n", shards, shards * c.filesPerShard(), s.median(), s.min(),
          s.max(), s.median() / shards, Stats.of(direct.get(shards)).median());
    }
  }

  /**
   * Milliseconds from creating a TestRun of {@code shards} shards to seeing all its Jobs, then the
   * milliseconds the client takes to create copies of those Jobs itself (in another namespace);
   * cleans up after.
   */
  static double[] timeJobs(Mock mock, String namespace, int shards, int filesPerShard) {
    KubernetesClient client = mock.client;
    client.resource(SuiteConfigMap.build("suite", namespace, suite(shards * filesPerShard))).create();
    String name = "run";
    TestRun run = testRun(namespace, name, shards);
    String last = Names.shardJob(name, shards - 1);
    long start = System.nanoTime();
    client.resource(run).create();
    // GET the last shard's Job (cheap), and only once it exists LIST them all: a LIST of 200 Jobs every
    // 10 ms would compete with the operator for the CPU. Correct whatever order the Jobs come in.
    waitFor(() -> client.batch().v1().jobs().inNamespace(namespace).withName(last).get() != null
        && client.batch().v1().jobs().inNamespace(namespace).list().getItems().size() == shards, POLL_MS,
        "the " + shards + " Jobs of " + namespace + "/" + name);
    double ms = (System.nanoTime() - start) / 1e6;
    mock.awaitQuiet(); // the reconciles that follow, before cleaning up under them

    String copies = namespace + "-direct";
    List<Job> jobs = client.batch().v1().jobs().inNamespace(namespace).list().getItems().stream()
        .map(job -> new JobBuilder(job).withStatus(null).editMetadata().withNamespace(copies).withResourceVersion(null).withUid(null)
            .withCreationTimestamp(null).withGeneration(null).withManagedFields().endMetadata().build())
        .toList();
    start = System.nanoTime();
    jobs.forEach(job -> client.resource(job).create());
    double direct = (System.nanoTime() - start) / 1e6;
    mock.awaitQuiet();
    clean(mock, namespace);
    clean(mock, copies);
    return new double[] {ms, direct};
  }

  // --- 2. Status aggregation ---------------------------------------------------------------------

  static void aggregation(Config c, PrintStream out) {
    TestRun run = testRun("agg", "agg", c.aggShards());
    run.getMetadata().setGeneration(1L);
    List<List<String>> files = new ArrayList<>();
    List<Job> jobs = new ArrayList<>();
    List<Pod> pods = new ArrayList<>();
    long annotationBytes = 0;
    for (int i = 0; i < c.aggShards(); i++) {
      int shard = i;
      files.add(IntStream.range(0, c.aggFiles()).mapToObj(f -> String.format("area-%d/file-%03d-%02d.json", f % 7, shard, f)).toList());
      Pod pod = shardPod("agg", "agg", i, files.get(i));
      annotationBytes += pod.getMetadata().getAnnotations().get(ResultsCodec.ANNOTATION).length();
      pods.add(pod);
      jobs.add(ended(new JobBuilder().withNewMetadata().withName(Names.shardJob("agg", i)).withNamespace("agg").endMetadata()
          .withNewSpec().endSpec().build(), files.get(i).size()));
    }
    Plan plan = new Plan(Sharding.BALANCED, IntStream.range(0, c.aggShards()).mapToObj(i -> new PlannedShard(i, 0,
        files.get(i).stream().map(f -> new PlannedFile(f, 1000)).toList())).toList());
    RunDecider decider = new RunDecider(new JobRenderer(Images.defaults()));
    Instant now = Instant.now();
    Decision decision = null;
    double[] ms = new double[c.aggCalls()];
    for (int i = -c.aggCalls(); i < c.aggCalls(); i++) { // as many warm-up calls as timed ones
      long start = System.nanoTime();
      List<ShardObservation> shards = new ArrayList<>();
      for (int s = 0; s < c.aggShards(); s++) { // what the observe step does with each pod's annotation
        String value = pods.get(s).getMetadata().getAnnotations().get(ResultsCodec.ANNOTATION);
        Published published = new Published(value, ResultsCodec.decode(value, files.get(s), "pod"), null);
        shards.add(new ShardObservation(s, files.get(s), jobs.get(s), List.of(new ShardPod(pods.get(s), published)), null));
      }
      decision = decider.decide(new RunObservation(run, now, null, plan, false, null, shards, null, Set.of()));
      if (i >= 0) {
        ms[i] = (System.nanoTime() - start) / 1e6;
      }
    }
    if (decision.status().getSummary().getFiles() != c.aggShards() * c.aggFiles()) {
      throw new IllegalStateException("aggregated " + decision.status().getSummary().getFiles() + " files, expected "
          + c.aggShards() * c.aggFiles());
    }
    Stats s = Stats.of(ms);
    out.printf("%naggregation: observe and decide, %d shards x %d files (results decoded from pod annotations, %d KiB in all),"
        + " %d calls after %d warm-ups%n", c.aggShards(), c.aggFiles(), annotationBytes >> 10, c.aggCalls(), c.aggCalls());
    out.printf(Locale.ROOT, "aggregate: median %.2f ms, min %.2f ms, max %.2f ms (%.1f us per file)%n", s.median(), s.min(), s.max(),
        s.median() * 1000 / (c.aggShards() * c.aggFiles()));
  }

  /**
   * The reconcile path: a TestRun of aggShards x aggFiles whose shards have all published their
   * results and all but the last Job have ended; timed from the last Job's end to the final status.
   */
  static void reconcileToStatus(Mock mock, Config c, PrintStream out) {
    KubernetesClient client = mock.client;
    double[] ms = new double[c.pathRuns()];
    int[] statusWrites = new int[c.pathRuns()];
    int[] jobPosts = new int[c.pathRuns()];
    long jobBytes = 0;
    for (int r = 0; r < c.pathRuns(); r++) {
      String ns = "path-" + r;
      client.resource(SuiteConfigMap.build("suite", ns, suite(c.aggShards() * c.aggFiles()))).create();
      client.resource(testRun(ns, "run", c.aggShards())).create();
      waitFor(() -> client.batch().v1().jobs().inNamespace(ns).list().getItems().size() == c.aggShards(), 100,
          "the Jobs of " + ns + "/run");
      Plan plan = PlanCodec.read(client.configMaps().inNamespace(ns).withName(Names.planConfigMap("run")).get().getData()
          .get(JobRenderer.PLAN_KEY), "plan");
      jobBytes = Serialization.asJson(client.batch().v1().jobs().inNamespace(ns).withName(Names.shardJob("run", 0)).get()).length();
      List<Runnable> ends = new ArrayList<>();
      for (var shard : plan.jobShards()) {
        client.resource(shardPod(ns, "run", shard.index(), shard.files().stream().map(PlannedFile::path).toList())).create();
        Job job = client.batch().v1().jobs().inNamespace(ns).withName(Names.shardJob("run", shard.index())).get();
        ends.add(() -> client.resource(ended(job, shard.files().size())).updateStatus());
      }
      ends.subList(0, ends.size() - 1).forEach(Runnable::run);
      String before = (ends.size() - 1) + "/" + ends.size();
      waitFor(() -> before.equals(status(client, ns).getShardsFinished()), 100, ns + "/run at " + before + " shards finished");
      mock.awaitQuiet(); // the reconciles already queued
      long start = System.nanoTime();
      ends.get(ends.size() - 1).run();
      waitFor(() -> {
        Phase phase = status(client, ns).getPhase();
        return phase != null && phase.isFinal();
      }, POLL_MS, ns + "/run final");
      ms[r] = (System.nanoTime() - start) / 1e6;
      for (RecordedRequest request : mock.awaitQuiet()) { // the window, and what follows it
        statusWrites[r] += request.getMethod().equals("PUT") && request.getPath().endsWith("/status") ? 1 : 0;
        jobPosts[r] += request.getMethod().equals("POST") && request.getPath().endsWith("/jobs") ? 1 : 0;
      }
      if (status(client, ns).getSummary().getFiles() != plan.fileCount()) {
        throw new IllegalStateException(ns + "/run counted " + status(client, ns).getSummary().getFiles() + " files of " + plan.fileCount());
      }
      clean(mock, ns);
    }
    Stats s = Stats.of(ms);
    out.printf(Locale.ROOT, "reconcile to status: last of %d Jobs ended -> TestRun final with %d files counted (polled every %d ms),"
        + " %d runs: median %.0f ms, min %.0f ms, max %.0f ms%n", c.aggShards(), c.aggShards() * c.aggFiles(), POLL_MS, c.pathRuns(),
        s.median(), s.min(), s.max());
    out.printf(Locale.ROOT, "  from the last Job's end until the operator was quiet (%d ms without requests), per run: status writes"
        + " (reconciles) %s, Job POSTs %s; one Job is %.0f KiB of JSON%n", QUIET_MS, Arrays.toString(statusWrites),
        Arrays.toString(jobPosts), jobBytes / 1024.0);
  }

  private static TestRunStatus status(KubernetesClient client, String namespace) {
    TestRun run = client.resources(TestRun.class).inNamespace(namespace).withName("run").get();
    return run.getStatus() == null ? new TestRunStatus() : run.getStatus();
  }

  // --- 3. Heap with many TestRuns ----------------------------------------------------------------

  static void heap(Mock mock, Config c, PrintStream out) {
    KubernetesClient client = mock.client;
    long fresh = usedHeap(mock);
    // A warm-up round trip first, then deleted: the classes and the client's and Jackson's caches it
    // fills stay for good, and would otherwise count as growth of whatever outlives the operator.
    Operator operator = ShardrunOperator.start(client, Images.defaults(), Set.of(), null, Clock.systemUTC(), new SimpleMeterRegistry());
    createAndWait(client, "heap-warmup", Math.min(10, c.testRuns()));
    operator.stop();
    clean(mock, "heap-warmup");

    String ns = "heap";
    long mockOnly = usedHeap(mock);
    operator = ShardrunOperator.start(client, Images.defaults(), Set.of(), null, Clock.systemUTC(), new SimpleMeterRegistry());
    long idle = usedHeap(mock);
    createAndWait(client, ns, c.testRuns());
    long loaded = usedHeap(mock);
    int jobs = client.batch().v1().jobs().inNamespace(ns).list().getItems().size();
    int configMaps = client.configMaps().inNamespace(ns).list().getItems().size();
    int events = client.v1().events().inNamespace(ns).list().getItems().size();
    operator.stop();
    operator = null;
    long stopped = usedHeap(mock);
    double n = c.testRuns();
    out.printf("%nheap: used heap (Runtime total - free) after System.gc() once it stops falling, the mock API server in this"
        + " JVM, after a warm-up; %d TestRuns of 1 shard each, all with a status (mock holds %d Jobs, %d ConfigMaps, %d Events)%n",
        c.testRuns(), jobs, configMaps, events);
    out.printf("%-48s %9s%n", "state", "used MiB");
    out.printf(Locale.ROOT, "%-48s %9.1f%n", "mock, before any operator ran", mib(fresh));
    out.printf(Locale.ROOT, "%-48s %9.1f%n", "mock, after a warm-up operator ran and stopped", mib(mockOnly));
    out.printf(Locale.ROOT, "%-48s %9.1f%n", "mock + operator, idle", mib(idle));
    out.printf(Locale.ROOT, "%-48s %9.1f%n", "mock + operator, " + c.testRuns() + " TestRuns", mib(loaded));
    out.printf(Locale.ROOT, "%-48s %9.1f%n", "mock with the same objects, operator stopped", mib(stopped));
    out.printf(Locale.ROOT, "left by the warm-up for good (loaded classes, client and Jackson caches): %.1f MiB; operator idle after it:"
        + " %.0f KiB%n", mib(mockOnly - fresh), (idle - mockOnly) / 1024.0);
    out.printf(Locale.ROOT, "per TestRun: operator %.1f KiB, mock %.1f KiB, both %.1f KiB (operator with %d TestRuns: %.1f MiB)%n",
        ((loaded - stopped) - (idle - mockOnly)) / n / 1024, (stopped - mockOnly) / n / 1024, (loaded - idle) / n / 1024, c.testRuns(),
        mib(loaded - stopped));
  }

  /** Creates {@code count} TestRuns of 1 shard (and their suite) and waits until each has its Jobs and a status saying so. */
  static void createAndWait(KubernetesClient client, String namespace, int count) {
    client.resource(SuiteConfigMap.build("suite", namespace, suite(1))).create();
    for (int i = 0; i < count; i++) {
      client.resource(testRun(namespace, String.format("run-%04d", i), 1)).create();
    }
    waitFor(() -> client.resources(TestRun.class).inNamespace(namespace).list().getItems().stream()
        .filter(r -> r.getStatus() != null && r.getStatus().getShardsFinished() != null).count() == count, 200,
        "a status on all " + count + " TestRuns in " + namespace);
    sleep(2000); // let the last reconciles and status writes settle
  }

  /**
   * Used heap after GC, once it stops falling: a stopped operator's threads wind down for a while
   * and hold on to what they used until then. The mock's log of received requests (kept for tests
   * that inspect them, not part of an API server) is emptied first.
   */
  static long usedHeap(Mock mock) {
    mock.drain();
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 30; i++) {
      System.gc();
      sleep(300);
      Runtime rt = Runtime.getRuntime();
      long used = rt.totalMemory() - rt.freeMemory();
      if (i >= 2 && used > least - (1 << 20)) {
        return Math.min(least, used); // less than 1 MiB below the least so far: settled
      }
      least = Math.min(least, used);
    }
    return least;
  }

  private static double mib(long bytes) {
    return bytes / 1024.0 / 1024.0;
  }

  // --- Fixtures ----------------------------------------------------------------------------------

  /** {@code files} tiny action files, one step each: "00000.json", "00001.json", ... */
  static SuiteFiles suite(int files) {
    return new SuiteFiles(IntStream.range(0, files).mapToObj(i -> String.format("%05d.json", i))
        .map(p -> new SuiteFile(p, SuiteKeys.encode(p), "{\"steps\":[{\"command\":\"open\",\"target\":\"/\"}]}")).toList());
  }

  static TestRun testRun(String namespace, String name, int shards) {
    TestRun run = new TestRun();
    run.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    TestRunSpec spec = new TestRunSpec();
    spec.setSuite(new SuiteSource("suite"));
    spec.setShards(shards);
    run.setSpec(spec);
    return run;
  }

  /**
   * A shard's pod as the executor leaves it: its results document in the annotation, every 25th
   * file failed with a message, two tags per file.
   */
  static Pod shardPod(String namespace, String run, int shard, List<String> files) {
    List<FileResult> results = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      List<String> tags = List.of("bench", "area-" + (i % 7));
      results.add(fails(i)
          ? new FileResult(files.get(i), Outcome.FAILED, 4000 + i, tags, 3, "assertText id=summary: expected 'Done' but was 'Pending'")
          : new FileResult(files.get(i), Outcome.PASSED, 3000 + 10L * i, tags, null, null));
    }
    long duration = results.stream().mapToLong(FileResult::durationMs).sum();
    ResultsDocument doc = new ResultsDocument(shard, ShardState.DONE, ShardCounts.tally(files.size(), results, duration), results);
    String job = Names.shardJob(run, shard);
    return new PodBuilder().withNewMetadata().withName(job + "-abcde").withNamespace(namespace)
        .addToLabels(Labels.TESTRUN, Names.labelValue(run)).addToLabels("batch.kubernetes.io/job-name", job)
        .addToAnnotations(JobRenderer.TESTRUN_ANNOTATION, run).addToAnnotations(ResultsCodec.ANNOTATION, ResultsCodec.encode(doc))
        .withCreationTimestamp("2025-01-01T00:00:00Z").endMetadata().withNewStatus().withPhase("Succeeded").endStatus().build();
  }

  /** Whether a shard's {@code index}-th file fails in {@link #shardPod}. */
  static boolean fails(int index) {
    return index % 25 == 24;
  }

  /** {@code job} as the Job controller ends it: Complete, or Failed (exit 1) when one of its {@code files} failed. */
  static Job ended(Job job, int files) {
    boolean failed = IntStream.range(0, files).anyMatch(OperatorBench::fails);
    return new JobBuilder(job).withNewStatus().addNewCondition().withType(failed ? "Failed" : "Complete").withStatus("True")
        .withReason(failed ? "PodFailurePolicy" : null).endCondition().endStatus().build();
  }

  static void clean(Mock mock, String namespace) {
    KubernetesClient client = mock.client;
    client.resources(TestRun.class).inNamespace(namespace).delete();
    client.batch().v1().jobs().inNamespace(namespace).delete();
    client.pods().inNamespace(namespace).delete();
    client.configMaps().inNamespace(namespace).delete();
    client.v1().events().inNamespace(namespace).delete();
    mock.drain();
  }

  static void waitFor(BooleanSupplier condition, long pollMs, String what) {
    long deadline = System.currentTimeMillis() + TIMEOUT_MS;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("timed out after " + TIMEOUT_MS / 1000 + " s waiting for " + what);
      }
      sleep(pollMs);
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Median, min and max (as io.shardrun.cli.Stats, which this module cannot reach). */
  record Stats(double median, double min, double max) {
    static Stats of(List<Double> values) {
      return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static Stats of(double[] values) {
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      int mid = sorted.length / 2;
      double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
      return new Stats(median, sorted[0], sorted[sorted.length - 1]);
    }
  }

  /** A Fabric8 mock API server in CRUD mode, built as {@code @EnableKubernetesMockClient(crud = true)} builds it, with the CRD. */
  static final class Mock implements AutoCloseable {
    final MockWebServer web;
    final KubernetesMockServer server;
    final KubernetesClient client;

    private Mock(MockWebServer web, KubernetesMockServer server, KubernetesClient client) {
      this.web = web;
      this.server = server;
      this.client = client;
    }

    /** Waits until no request came for {@value #QUIET_MS} ms; returns the requests received since the last drain. */
    List<RecordedRequest> awaitQuiet() {
      List<RecordedRequest> all = new ArrayList<>(drain());
      long deadline = System.currentTimeMillis() + TIMEOUT_MS;
      while (System.currentTimeMillis() < deadline) {
        sleep(QUIET_MS);
        List<RecordedRequest> more = drain();
        if (more.isEmpty()) {
          return all;
        }
        all.addAll(more);
      }
      throw new IllegalStateException("the operator kept sending requests for " + TIMEOUT_MS / 1000 + " s");
    }

    /** The requests received since the last call: the mock keeps every one (body included) until taken. */
    List<RecordedRequest> drain() {
      List<RecordedRequest> requests = new ArrayList<>();
      try {
        for (RecordedRequest r = web.takeRequest(0, TimeUnit.MILLISECONDS); r != null; r = web.takeRequest(0, TimeUnit.MILLISECONDS)) {
          requests.add(r);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return requests;
    }

    @SuppressWarnings("deprecation") // Serialization.jsonMapper(): what KubernetesMockServerExtension 7.5.2 passes
    static Mock start() throws Exception {
      Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
      MockWebServer web = new MockWebServer();
      KubernetesMockServer server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), web, responses,
          new KubernetesMixedDispatcher(responses), false);
      server.init();
      KubernetesClient client = server.createClient();
      try (InputStream crd = OperatorBench.class.getResourceAsStream(CRD)) {
        client.apiextensions().v1().customResourceDefinitions().load(crd).create();
      }
      return new Mock(web, server, client);
    }

    @Override
    public void close() {
      client.close();
      server.destroy();
    }
  }
}
