package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shardrun.core.history.Estimates;
import io.shardrun.core.history.HistoryCodec;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.PlanCodec;
import io.shardrun.core.plan.PlannedFile;
import io.shardrun.core.render.Images;
import io.shardrun.core.results.RunRecord;
import io.shardrun.core.run.Manifests;
import io.shardrun.core.suite.Suite;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteParser;
import io.shardrun.crd.v1alpha1.Phase;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.crd.v1alpha1.Compare;
import io.shardrun.crd.v1alpha1.VariantSpec;
import io.shardrun.executor.browser.BrowserTools;
import io.shardrun.executor.browser.LocalChromedriver;
import io.shardrun.executor.site.StaticSite;
import io.shardrun.operator.ShardrunOperator;
import io.shardrun.operator.cluster.ApiServer;
import io.shardrun.operator.cluster.JobControllerPlay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole cluster path on the Fabric8 mock API server (refusing stale status writes as a real
 * one does): the operator plans and creates Jobs; the test plays the Job controller and the
 * kubelet in a real cluster's order (JobControllerPlay), running the real executor (a separate
 * process, with each Job's own args and env, against real Chromium and the example site) which
 * publishes through the API. One shard's first pod is deleted before its executor starts, and
 * the Job's replacement runs it. The operator aggregates, the phase only moving forward, and
 * records history the next run plans with. The runs are submitted as CI does, with
 * {@code shardrun submit --wait}, and their results read again after their pods are gone.
 */
class OperatorEndToEndTest {
  static final String NS = "e2e";
  static final String VARIANTS_NS = "e2e-variants"; // its Jobs apart from the other test's
  static final String FAIL_FAST_NS = "e2e-failfast";
  static final String TOGETHER_NS = "e2e-together";
  static final String EVENTS_NS = "e2e-events";
  @RegisterExtension static final ApiServer API = new ApiServer();
  KubernetesClient client = API.client();

  @TempDir Path dir;

  @BeforeAll
  static void installCrd() {
    API.client().apiextensions().v1().customResourceDefinitions().load(Path.of("../crd/testruns.shardrun.io-v1.yml").toFile()).create();
  }

  @Test
  void aSubmittedRunRunsOnTheExecutorItsResultsOutliveItsPodsAndTheNextRunPlansFromItsHistory() throws Exception {
    SuiteFiles suiteFiles = SuiteFiles.fromDirectory(Path.of("../examples/suite"));
    System.setProperty("kubeconfig", Kubeconfigs.write(dir, API.server().url("/"), NS).toString()); // the commands find the cluster as kubectl does
    Operator operator = ShardrunOperator.start(client, Images.defaults(), Set.of(), null, Clock.systemUTC(), new SimpleMeterRegistry());
    try (StaticSite site = StaticSite.serve(Path.of("../examples/site"));
        LocalChromedriver browser = LocalChromedriver.start(BrowserTools.resolve(null, null), true)) {
      TestRun first = testRun("first", site.baseUrl());
      first.getSpec().getSelector().setInclude(List.of("^(home|auth)/"));
      List<Phase> phases = new CopyOnWriteArrayList<>();
      Cli submitted;
      try (var watch = client.resources(TestRun.class).inNamespace(NS).withName("first").watch(new Watcher<>() {
        @Override
        public void eventReceived(Action action, TestRun r) {
          if (r.getStatus() != null) {
            phases.add(r.getStatus().getPhase());
          }
        }

        @Override
        public void onClose(WatcherException cause) {}
      })) {
        CompletableFuture<Cli> submit = submit(first, "--suite", "../examples/suite", "--junit", dir.resolve("first.xml").toString(),
            "--report", dir.resolve("first.html").toString());
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(() -> client.batch().v1().jobs().inNamespace(NS).list().getItems().size() == 2);
        JobControllerPlay play = new JobControllerPlay(client, Duration.ofMillis(200));
        ExecutorKubelet kubelet = new ExecutorKubelet(client, NS, dir);
        List<Job> jobs = client.batch().v1().jobs().inNamespace(NS).list().getItems();
        List<Pod> pods = new ArrayList<>();
        for (Job job : jobs) {
          pods.add(play.startPod(job));
        }
        pods.set(0, play.delete(pods.get(0), Duration.ofSeconds(1))); // before its executor ran: the Job replaces it
        runExecutors(play, kubelet, jobs, pods, browser);
        submitted = submit.get(60, TimeUnit.SECONDS);
      }
      assertThat(submitted.exitCode()).as(submitted.out() + submitted.err()).isZero();
      assertThat(submitted.out()).contains("configmap/demo-suite applied in e2e", "testrun.shardrun.io/first created in e2e",
          "TestRun e2e/first Succeeded: 7 passed, 0 failed, 0 skipped, 0 errors of 7 files");
      TestRun done = client.resources(TestRun.class).inNamespace(NS).withName("first").get();
      assertThat(done.getStatus().getPhase()).isEqualTo(Phase.Succeeded);
      assertThat(done.getStatus().getByTag()).containsKey("smoke");
      assertThat(phases).as("every phase the run's status showed, in order").containsSubsequence(Phase.Pending, Phase.Running, Phase.Succeeded)
          .containsOnly(Phase.Pending, Phase.Running, Phase.Succeeded);
      assertThat(phases.subList(phases.indexOf(Phase.Running), phases.size())).doesNotContain(Phase.Pending);
      Plan firstPlan = PlanCodec.read(client.configMaps().inNamespace(NS).withName("first-plan").get().getData().get("plan.json"), "plan");
      Map<String, String> junit = JUnitCases.of(dir.resolve("first.xml"));
      assertThat(junit).hasSize(7);
      firstPlan.shards().forEach(shard -> shard.paths().forEach(path ->
          assertThat(junit).as(path).containsEntry(path, "shard-" + shard.index() + " passed")));
      assertThat(Files.readString(dir.resolve("first.html"))).contains("Succeeded", "home/navigation.json");

      // The results outlive the run's pods and Jobs.
      client.batch().v1().jobs().inNamespace(NS).delete();
      client.pods().inNamespace(NS).delete();
      await().atMost(Duration.ofSeconds(10)).until(() -> client.pods().inNamespace(NS).list().getItems().isEmpty());
      Cli results = Cli.run("results", "first", "-n", NS, "--junit", dir.resolve("again.xml").toString(), "--json");
      assertThat(results.exitCode()).as(results.out() + results.err()).isZero();
      RunRecord record = new ObjectMapper().readValue(results.out(), RunRecord.class); // stdout holds the JSON alone
      assertThat(record.files()).hasSize(7).allSatisfy(f -> assertThat(f.startedMs()).isNotNull());
      assertThat(results.err()).contains("TestRun e2e/first Succeeded");
      assertThat(Files.readString(dir.resolve("again.xml"))).isEqualTo(Files.readString(dir.resolve("first.xml")));

      // The second run plans balanced from the history the first one wrote.
      ConfigMap historyMap = client.configMaps().inNamespace(NS).withName("shardrun-history-demo-suite").get();
      var history = HistoryCodec.read(historyMap.getData().get("history.json"), "history");
      assertThat(history.files()).hasSize(7);
      client.resource(testRun("second", site.baseUrl())).create();
      await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(() -> client.configMaps().inNamespace(NS).withName("second-plan").get() != null);
      Plan second = PlanCodec.read(client.configMaps().inNamespace(NS).withName("second-plan").get().getData().get("plan.json"), "plan");
      Suite suite = SuiteParser.parse(suiteFiles).orThrow();
      Estimates expected = new Estimates(suite, second.shards().stream().flatMap(s -> s.files().stream()).map(PlannedFile::path).toList(), history, 10);
      assertThat(second.shards().stream().flatMap(s -> s.files().stream()))
          .allSatisfy(f -> assertThat(f.estimateMs()).as(f.path()).isEqualTo(expected.estimateMs(f.path())));
      assertThat(second.shards().stream().flatMap(s -> s.files().stream()).filter(f -> f.path().equals("auth/login.json")))
          .singleElement().satisfies(f -> assertThat(f.estimateMs()).isEqualTo(history.files().get("auth/login.json").get(0).durationMs()));

      // A failing run, submitted from a file with generateName, as CI submits the same file again.
      TestRun failing = testRun(null, site.baseUrl());
      failing.getMetadata().setGenerateName("failing-");
      failing.getSpec().setShards(1);
      failing.getSpec().getSelector().setInclude(List.of("^shop/deliberate-failure"));
      failing.getSpec().getSelector().setExcludeTags(List.of());
      CompletableFuture<Cli> submitFailing = submit(failing, "--junit", dir.resolve("failing.xml").toString());
      await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(() -> client.batch().v1().jobs().inNamespace(NS).list().getItems()
          .stream().anyMatch(j -> j.getMetadata().getName().startsWith("failing-")));
      JobControllerPlay play = new JobControllerPlay(client, Duration.ofMillis(200));
      Job failingJob = client.batch().v1().jobs().inNamespace(NS).list().getItems().stream()
          .filter(j -> j.getMetadata().getName().startsWith("failing-")).findFirst().orElseThrow();
      runExecutors(play, new ExecutorKubelet(client, NS, dir), List.of(failingJob), new ArrayList<>(List.of(play.startPod(failingJob))), browser);
      Cli failed = submitFailing.get(60, TimeUnit.SECONDS);
      assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
      assertThat(failed.out()).containsPattern("TestRun e2e/failing-\\w{5} Failed: 0 passed, 1 failed, 0 skipped, 0 errors of 1 files");
      assertThat(JUnitCases.of(dir.resolve("failing.xml"))).containsExactly(Map.entry("shop/deliberate-failure.json", "shard-0 failed"));

      // Reports of TestRuns by name: the run's own, as submit wrote it, and the two side by side.
      String failingName = client.resources(TestRun.class).inNamespace(NS).list().getItems().stream()
          .map(r -> r.getMetadata().getName()).filter(n -> n.startsWith("failing-")).findFirst().orElseThrow();
      assertThat(Cli.run("report", "first", "-n", NS, "-o", dir.resolve("by-name.html").toString()).exitCode()).isZero();
      assertThat(Files.readString(dir.resolve("by-name.html"))).isEqualTo(Files.readString(dir.resolve("first.html")));
      Cli compared = Cli.run("report", "first", failingName, "-n", NS, "-o", dir.resolve("compared.html").toString());
      assertThat(compared.exitCode()).as(compared.err()).isZero();
      assertThat(Files.readString(dir.resolve("compared.html"))).contains("first", failingName, "Succeeded", "Failed");
    } finally {
      operator.stop();
      System.clearProperty("kubeconfig");
    }
  }

  @Test
  void variantsRunEachFileAsTwoUsersAndOnTwoSitesAndTheirResultsNameEachPair() throws Exception {
    Operator operator = startOperator();
    Path suite = Files.createDirectories(dir.resolve("suite"));
    Files.writeString(suite.resolve("hello.json"), """
        {"steps": [{"command": "open", "target": "${BASE_URL}/hello.html?user=${USER}"},
                   {"command": "storeText", "target": "id=greeting", "value": "greeting"}]}""");
    Files.writeString(suite.resolve("banner.json"), """
        {"steps": [{"command": "open", "target": "${BASE_URL}/index.html"},
                   {"command": "storeText", "target": "id=banner", "value": "banner"}]}""");
    try (StaticSite a = StaticSite.serve(site("a", "Welcome to A")); StaticSite b = StaticSite.serve(site("b", "Welcome to B"));
        LocalChromedriver browser = LocalChromedriver.start(BrowserTools.resolve(null, null), true)) {
      TestRun users = variantRun("users", a.baseUrl(), List.of(new VariantSpec("admin", Map.of("USER", "admin")),
          new VariantSpec("guest", Map.of("USER", "guest"))), "^hello");
      Cli usersRun = runOneShard(users, browser);
      assertThat(usersRun.exitCode()).as(usersRun.out() + usersRun.err()).isZero();
      assertThat(JUnitCases.of(dir.resolve("users.xml")))
          .containsOnly(Map.entry("hello.json#admin", "shard-0 passed"), Map.entry("hello.json#guest", "shard-0 passed"));
      var usersSummary = client.resources(TestRun.class).inNamespace(VARIANTS_NS).withName("users").get().getStatus().getSummary();
      assertThat(usersSummary.getVariants()).isEqualTo(2);
      assertThat(usersSummary.getFiles()).isEqualTo(2);
      Cli usersResults = Cli.run("results", "users", "-n", VARIANTS_NS, "--json");
      RunRecord usersRecord = new ObjectMapper().readValue(usersResults.out(), RunRecord.class);
      assertThat(usersRecord.files()).filteredOn(f -> f.file().equals("hello.json#guest")).singleElement()
          .satisfies(f -> assertThat(f.message()).contains("differs from admin:",
              "steps[1] storeText id=greeting: observed \"Hello, admin\" in admin, \"Hello, guest\" in guest"));

      TestRun ab = variantRun("ab", a.baseUrl(), List.of(new VariantSpec("a", Map.of("BASE_URL", a.baseUrl())),
          new VariantSpec("b", Map.of("BASE_URL", b.baseUrl()))), "^banner");
      ab.getSpec().setCompare(Compare.STRICT);
      Cli abRun = runOneShard(ab, browser);
      assertThat(abRun.exitCode()).as(abRun.out() + abRun.err()).isEqualTo(1);
      assertThat(abRun.out()).contains("TestRun e2e-variants/ab Failed: 1 passed, 1 failed, 0 skipped, 0 errors of 2 files",
          "banner.json#b", "differs from a: steps[1] storeText id=banner: observed \"Welcome to A\" in a, \"Welcome to B\" in b");
      assertThat(JUnitCases.of(dir.resolve("ab.xml")))
          .containsOnly(Map.entry("banner.json#a", "shard-0 passed"), Map.entry("banner.json#b", "shard-0 failed"));
    } finally {
      operator.stop();
      System.clearProperty("kubeconfig");
    }
  }

  @Test
  void failFastStopsTheOtherShardAtTheFirstFailureAndTheRunSaysWhichFileAndWhen() throws Exception {
    Operator operator = startOperator();
    Path suite = Files.createDirectories(dir.resolve("failfast-suite"));
    Files.writeString(suite.resolve("fails.json"), """
        {"steps": [{"command": "open", "target": "${BASE_URL}/index.html"},
                   {"command": "assertText", "target": "css=h1", "value": "not this page"}]}""");
    for (int i = 1; i <= 3; i++) {
      Files.writeString(suite.resolve("passes-" + i + ".json"), """
          {"steps": [{"command": "open", "target": "${BASE_URL}/index.html"}]}""");
    }
    try (StaticSite site = StaticSite.serve(Path.of("../examples/site"));
        LocalChromedriver browser = LocalChromedriver.start(BrowserTools.resolve(null, null), true)) {
      TestRun run = ownSuiteRun("stops", FAIL_FAST_NS, "failfast-suite", site.baseUrl(), 2);
      run.getSpec().setFailFast(true);
      CompletableFuture<Cli> submit = submitAndAwaitJobs(run, suite, 2);
      Plan plan = PlanCodec.read(client.configMaps().inNamespace(FAIL_FAST_NS).withName("stops-plan").get().getData().get("plan.json"), "plan");
      int failing = plan.shards().stream().filter(s -> s.paths().contains("fails.json")).findFirst().orElseThrow().index();
      Job failingJob = client.batch().v1().jobs().inNamespace(FAIL_FAST_NS).withName("stops-shard-" + failing).get();
      Job otherJob = client.batch().v1().jobs().inNamespace(FAIL_FAST_NS).withName("stops-shard-" + (1 - failing)).get();
      JobControllerPlay play = new JobControllerPlay(client, Duration.ofMillis(200));
      ExecutorKubelet kubelet = new ExecutorKubelet(client, FAIL_FAST_NS, dir);
      Pod failingPod = play.startPod(failingJob);
      Pod otherPod = play.startPod(otherJob); // its executor starts late, as after a slow image pull
      runExecutors(play, kubelet, List.of(failingJob), new ArrayList<>(List.of(failingPod)), browser);
      await().atMost(Duration.ofSeconds(30)).until(() -> "fails.json".equals(
          client.pods().inNamespace(FAIL_FAST_NS).withName(otherPod.getMetadata().getName()).get().getMetadata().getAnnotations()
              .get("shardrun.io/stop")));
      runExecutors(play, kubelet, List.of(otherJob), new ArrayList<>(List.of(otherPod)), browser);
      Cli submitted = submit.get(60, TimeUnit.SECONDS);

      int otherFiles = plan.shards().get(1 - failing).paths().size();
      int failingFiles = plan.shards().get(failing).paths().size();
      int ranBeforeFailing = plan.shards().get(failing).paths().indexOf("fails.json");
      assertThat(submitted.exitCode()).as(submitted.out() + submitted.err()).isEqualTo(1);
      TestRun done = client.resources(TestRun.class).inNamespace(FAIL_FAST_NS).withName("stops").get();
      assertThat(done.getStatus().getPhase()).isEqualTo(Phase.Failed);
      assertThat(done.getStatus().getSummary().getFailed()).isEqualTo(1);
      assertThat(done.getStatus().getSummary().getPassed()).as("the files the failing shard ran before it").isEqualTo(ranBeforeFailing);
      assertThat(done.getStatus().getSummary().getSkipped()).as("every file after the failure, in both shards")
          .isEqualTo(otherFiles + failingFiles - ranBeforeFailing - 1);
      assertThat(done.getStatus().getFirstFailedFile()).isEqualTo("fails.json");
      assertThat(java.time.Instant.parse(done.getStatus().getFirstFailureTime()))
          .isBetween(java.time.Instant.parse(done.getStatus().getStartTime()), java.time.Instant.parse(done.getStatus().getCompletionTime()));
      var complete = done.getStatus().getConditions().stream().filter(c -> c.getType().equals("Complete")).findFirst().orElseThrow();
      assertThat(complete.getReason()).isEqualTo("FailFast");
      assertThat(complete.getMessage()).startsWith("stopped at the first failure, fails.json; ");
      RunRecord record = new ObjectMapper().readValue(Cli.run("results", "stops", "-n", FAIL_FAST_NS, "--json").out(), RunRecord.class);
      assertThat(record.files()).filteredOn(f -> f.shard() == 1 - failing).hasSize(otherFiles)
          .allSatisfy(f -> assertThat(f.message()).isEqualTo("skipped (fail-fast): fails.json did not pass"));
    } finally {
      operator.stop();
      System.clearProperty("kubeconfig");
    }
  }

  @Test
  void shardsThatStartTogetherWaitForTheLastOneReadyAndStartTheirFilesAtOneTime() throws Exception {
    Operator operator = startOperator();
    Path suite = Files.createDirectories(dir.resolve("together-suite"));
    for (String name : List.of("one", "two")) {
      Files.writeString(suite.resolve(name + ".json"), """
          {"steps": [{"command": "open", "target": "${BASE_URL}/index.html"}]}""");
    }
    try (StaticSite site = StaticSite.serve(Path.of("../examples/site"));
        LocalChromedriver browser = LocalChromedriver.start(BrowserTools.resolve(null, null), true)) {
      TestRun run = ownSuiteRun("together", TOGETHER_NS, "together-suite", site.baseUrl(), 2);
      run.getSpec().setStartTogether(true);
      CompletableFuture<Cli> submit = submitAndAwaitJobs(run, suite, 2);
      Job early = client.batch().v1().jobs().inNamespace(TOGETHER_NS).withName("together-shard-0").get();
      Job late = client.batch().v1().jobs().inNamespace(TOGETHER_NS).withName("together-shard-1").get();
      JobControllerPlay play = new JobControllerPlay(client, Duration.ofMillis(200));
      ExecutorKubelet kubelet = new ExecutorKubelet(client, TOGETHER_NS, dir);
      Pod earlyPod = play.startPod(early);
      Pod latePod = play.startPod(late);
      Process earlyExecutor = kubelet.startExecutor(early, earlyPod, browser);
      await().atMost(Duration.ofSeconds(60)).until(() -> annotations(earlyPod).containsKey("shardrun.io/result"));
      assertThat(annotations(earlyPod)).as("one shard is ready, the other not: nobody starts").doesNotContainKey("shardrun.io/start");
      Process lateExecutor = kubelet.startExecutor(late, latePod, browser);
      awaitExit(play, kubelet, earlyPod, earlyExecutor);
      awaitExit(play, kubelet, latePod, lateExecutor);
      Cli submitted = submit.get(60, TimeUnit.SECONDS);

      assertThat(submitted.exitCode()).as(submitted.out() + submitted.err()).isZero();
      String startedAt = client.resources(TestRun.class).inNamespace(TOGETHER_NS).withName("together").get().getStatus().getStartedTogetherTime();
      assertThat(startedAt).isNotNull();
      RunRecord record = new ObjectMapper().readValue(Cli.run("results", "together", "-n", TOGETHER_NS, "--json").out(), RunRecord.class);
      assertThat(record.files()).hasSize(2).allSatisfy(f -> assertThat(f.startedMs())
          .as("%s started at the common time, not before", f.file()).isGreaterThanOrEqualTo(java.time.Instant.parse(startedAt).toEpochMilli()));
      assertThat(Files.readString(dir.resolve(earlyPod.getMetadata().getName()).resolve("log")))
          .contains("waiting for every shard to be ready (startTogether)", "started together at " + startedAt);
    } finally {
      operator.stop();
      System.clearProperty("kubeconfig");
    }
  }

  @Test
  void oneShardWaitsForAnEventTheOtherPublishesThroughTheOperatorAndAWaitInVainFailsSayingSo() throws Exception {
    Operator operator = startOperator();
    Path suite = Files.createDirectories(dir.resolve("events-suite"));
    Files.writeString(suite.resolve("create.json"), """
        {"steps": [{"command": "open", "target": "${BASE_URL}/index.html"},
                   {"command": "publishEvent", "target": "order.created", "value": "order-17"}]}""");
    Files.writeString(suite.resolve("ship.json"), """
        {"steps": [{"command": "waitForEvent", "target": "order.created", "value": "order-[0-9]+", "timeout_s": 60},
                   {"command": "waitForEvent", "target": "order.cancelled", "timeout_s": 2}]}""");
    try (StaticSite site = StaticSite.serve(Path.of("../examples/site"));
        LocalChromedriver browser = LocalChromedriver.start(BrowserTools.resolve(null, null), true)) {
      TestRun run = ownSuiteRun("orders", EVENTS_NS, "events-suite", site.baseUrl(), 2);
      run.getSpec().setStartTogether(true); // the waiter must not give up before the publisher's browser is up
      CompletableFuture<Cli> submit = submitAndAwaitJobs(run, suite, 2);
      List<Job> jobs = client.batch().v1().jobs().inNamespace(EVENTS_NS).list().getItems();
      JobControllerPlay play = new JobControllerPlay(client, Duration.ofMillis(200));
      List<Pod> pods = new ArrayList<>();
      for (Job job : jobs) {
        pods.add(play.startPod(job));
      }
      runExecutors(play, new ExecutorKubelet(client, EVENTS_NS, dir), jobs, pods, browser);
      Cli submitted = submit.get(60, TimeUnit.SECONDS);

      assertThat(submitted.exitCode()).as(submitted.out() + submitted.err()).isEqualTo(1);
      RunRecord record = new ObjectMapper().readValue(Cli.run("results", "orders", "-n", EVENTS_NS, "--json").out(), RunRecord.class);
      assertThat(record.files()).filteredOn(f -> f.file().equals("create.json")).singleElement().satisfies(f -> {
        assertThat(f.status()).isEqualTo(io.shardrun.core.results.Outcome.PASSED);
        assertThat(f.events()).extracting(io.shardrun.core.results.Event::value).containsExactly("order-17");
      });
      assertThat(record.files()).filteredOn(f -> f.file().equals("ship.json")).singleElement().satisfies(f -> {
        assertThat(f.status()).isEqualTo(io.shardrun.core.results.Outcome.FAILED);
        assertThat(f.failedStep()).as("the first wait saw the other shard's event; the second waited in vain").isEqualTo(1);
        assertThat(f.message()).contains("no event on order.cancelled", "within 2 s");
      });
    } finally {
      operator.stop();
      System.clearProperty("kubeconfig");
    }
  }

  Map<String, String> annotations(Pod pod) {
    Map<String, String> annotations = client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
        .get().getMetadata().getAnnotations();
    return annotations == null ? Map.of() : annotations;
  }

  /** The operator, watching every namespace, and the commands pointed at the mock API server as kubectl would be. */
  Operator startOperator() throws Exception {
    System.setProperty("kubeconfig", Kubeconfigs.write(dir, API.server().url("/"), NS).toString());
    return ShardrunOperator.start(client, Images.defaults(), Set.of(), null, Clock.systemUTC(), new SimpleMeterRegistry());
  }

  /** A one-shard TestRun of the test's own suite, in {@code variants}, of the files {@code include} selects. */
  TestRun variantRun(String name, String baseUrl, List<VariantSpec> variants, String include) throws Exception {
    TestRun run = ownSuiteRun(name, VARIANTS_NS, "variants-suite", baseUrl, 1);
    run.getSpec().setVariants(variants);
    run.getSpec().getSelector().setInclude(List.of(include));
    return run;
  }

  /** A TestRun of every file of a suite the test writes, in a namespace of its own. */
  TestRun ownSuiteRun(String name, String namespace, String suite, String baseUrl, int shards) throws Exception {
    TestRun run = testRun(name, baseUrl);
    run.getMetadata().setNamespace(namespace);
    run.getSpec().getSuite().setConfigMap(suite);
    run.getSpec().setShards(shards);
    run.getSpec().getSelector().setExcludeTags(List.of());
    return run;
  }

  /** Submits the run and its suite, and waits for the operator to create its Jobs. */
  CompletableFuture<Cli> submitAndAwaitJobs(TestRun run, Path suite, int jobs) throws Exception {
    CompletableFuture<Cli> submit = submit(run, "--suite", suite.toString());
    String ns = run.getMetadata().getNamespace();
    await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(() -> client.batch().v1().jobs().inNamespace(ns).list().getItems().size() == jobs);
    return submit;
  }

  /** Submits a one-shard run of the test's suite, plays its Job with the real executor, and returns what submit said. */
  Cli runOneShard(TestRun run, LocalChromedriver browser) throws Exception {
    String name = run.getMetadata().getName();
    CompletableFuture<Cli> submit = submit(run, "--suite", dir.resolve("suite").toString(), "--junit", dir.resolve(name + ".xml").toString());
    String ns = run.getMetadata().getNamespace();
    await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(() -> client.batch().v1().jobs().inNamespace(ns).withName(name + "-shard-0").get() != null);
    Job job = client.batch().v1().jobs().inNamespace(ns).withName(name + "-shard-0").get();
    JobControllerPlay play = new JobControllerPlay(client, Duration.ofMillis(200));
    runExecutors(play, new ExecutorKubelet(client, ns, dir), List.of(job), new ArrayList<>(List.of(play.startPod(job))), browser);
    return submit.get(60, TimeUnit.SECONDS);
  }

  private Path site(String name, String banner) throws Exception {
    Path site = Files.createDirectories(dir.resolve(name));
    Files.writeString(site.resolve("index.html"), "<!doctype html><title>home</title><h1 id=\"banner\">" + banner + "</h1>");
    Files.writeString(site.resolve("hello.html"), RunVariantsTest.HELLO_PAGE);
    return site;
  }

  /** {@code shardrun submit -f FILE --wait ARGS} for {@code run}, in the background while the test plays the cluster. */
  CompletableFuture<Cli> submit(TestRun run, String... args) throws Exception {
    Path file = Files.createTempFile(dir, "testrun", ".yaml");
    Files.writeString(file, Manifests.write(List.of(run)));
    List<String> command = new ArrayList<>(List.of("submit", "-f", file.toString(), "--wait", "--timeout", "5m"));
    command.addAll(List.of(args));
    return CompletableFuture.supplyAsync(() -> Cli.run(command.toArray(String[]::new)));
  }

  /** Runs each pod's executor to its end, then ends the pod as the kubelet would. */
  static void runExecutors(JobControllerPlay play, ExecutorKubelet kubelet, List<Job> jobs, List<Pod> pods, LocalChromedriver browser)
      throws Exception {
    List<Process> executors = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      executors.add(kubelet.startExecutor(jobs.get(i), pods.get(i), browser));
    }
    for (int i = 0; i < jobs.size(); i++) {
      awaitExit(play, kubelet, pods.get(i), executors.get(i));
    }
  }

  /** Waits for a pod's executor to end, then ends the pod as the kubelet would, with what the executor said. */
  static void awaitExit(JobControllerPlay play, ExecutorKubelet kubelet, Pod pod, Process executor) throws Exception {
    assertThat(executor.waitFor(180, TimeUnit.SECONDS)).isTrue();
    String said = Files.readString(kubelet.terminationLog(pod)); // what the kubelet copies into the pod's status
    assertThat(play.exit(pod, executor.exitValue(), said.isEmpty() ? null : said, Duration.ofSeconds(1))).isNull();
  }

  TestRun testRun(String name, String baseUrl) throws Exception {
    TestRun run = Manifests.read(Files.readString(Path.of("../examples/testrun.yaml")), "testrun.yaml").testRuns().get(0);
    run.getMetadata().setName(name);
    run.getMetadata().setNamespace(NS);
    run.getSpec().getEnv().get(0).setValue(baseUrl);
    return run;
  }
}
