package io.shardrun.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.PlanCodec;
import io.shardrun.core.plan.PlannedFile;
import io.shardrun.core.render.Images;
import io.shardrun.core.render.Labels;
import io.shardrun.core.render.SuiteConfigMap;
import io.shardrun.core.results.FileResult;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.results.ResultsCodec;
import io.shardrun.core.results.ResultsDocument;
import io.shardrun.core.results.ShardCounts;
import io.shardrun.core.results.ShardState;
import io.shardrun.core.run.Manifests;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.crd.v1alpha1.Phase;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.operator.cluster.ApiServer;
import io.shardrun.operator.cluster.JobControllerPlay;
import io.shardrun.operator.decide.Conditions;
import io.shardrun.operator.decide.ShardCap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator's cap on running shards across runs: five TestRuns of two shards each in one
 * namespace under a cap of three never have more than three shard Jobs running, get their shards
 * started in the order they were created (a later run takes only the room earlier ones leave), say
 * why they wait, and all finish; the peak is reported.
 */
class ShardCapTest {
  static final String NS = "capped";
  static final int CAP = 3;
  @RegisterExtension static final ApiServer API = new ApiServer();
  final KubernetesClient client = API.client();

  @Test
  void fiveRunsUnderACapOfThreeNeverRunMoreThanThreeShardsAndStartInOrder() throws Exception {
    client.apiextensions().v1().customResourceDefinitions().load(Path.of("../crd/testruns.shardrun.io-v1.yml").toFile()).create();
    client.resource(SuiteConfigMap.build("demo-suite", NS, SuiteFiles.fromDirectory(Path.of("../examples/suite")))).create();
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    Operator operator = ShardrunOperator.start(client, Images.defaults(), Set.of(), null, Clock.systemUTC(), metrics,
        new ShardCap(CAP, null));
    Map<String, Boolean> running = new ConcurrentHashMap<>();
    AtomicInteger mostRunning = new AtomicInteger();
    Map<String, Set<String>> releasedJobs = new ConcurrentHashMap<>();
    List<String> fullyReleased = new CopyOnWriteArrayList<>();
    List<String> createdRunning = new CopyOnWriteArrayList<>();
    try (var watch = client.batch().v1().jobs().inNamespace(NS).watch(new Watcher<>() {
      @Override
      public void eventReceived(Action action, Job job) {
        boolean runs = action != Action.DELETED && !Boolean.TRUE.equals(job.getSpec().getSuspend()) && !ended(job);
        if (action == Action.ADDED && runs) {
          createdRunning.add(job.getMetadata().getName());
        }
        running.put(job.getMetadata().getName(), runs);
        mostRunning.accumulateAndGet((int) running.values().stream().filter(r -> r).count(), Math::max);
        String run = job.getMetadata().getLabels().get(Labels.TESTRUN);
        Set<String> released = releasedJobs.computeIfAbsent(run, r -> ConcurrentHashMap.newKeySet());
        if (runs && released.add(job.getMetadata().getName()) && released.size() == 2) {
          fullyReleased.add(run);
        }
      }

      @Override
      public void onClose(WatcherException cause) {}
    })) {
      List<String> names = List.of("run-1", "run-2", "run-3", "run-4", "run-5");
      for (String name : names) {
        client.resource(testRun(name)).create();
        Thread.sleep(1100); // creation timestamps have second precision: one second apart gives the order
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> running.values().stream().filter(r -> r).count() == CAP);
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Conditions.find(get("run-5").getStatus(), Conditions.QUEUED))
          .satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getReason()).isEqualTo("ShardCap");
            assertThat(c.getMessage()).isEqualTo("waiting under the operator's cap of 3 running shards per namespace: 3 run in capped,"
                + " and 3 earlier runs wait to start 5 more");
          }));

      JobControllerPlay play = new JobControllerPlay(client, Duration.ofMillis(20));
      Set<String> done = ConcurrentHashMap.newKeySet();
      while (done.size() < 2 * names.size()) {
        Job next = await().atMost(Duration.ofSeconds(30)).until(() -> client.batch().v1().jobs().inNamespace(NS).list().getItems().stream()
            .filter(j -> !Boolean.TRUE.equals(j.getSpec().getSuspend()) && !done.contains(j.getMetadata().getName()))
            .findFirst().orElse(null), j -> j != null);
        finish(play, next);
        done.add(next.getMetadata().getName());
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> names.stream().allMatch(n -> get(n).getStatus().getPhase() == Phase.Succeeded));

      assertThat(createdRunning).as("Jobs created running, not suspended").isEmpty();
      assertThat(mostRunning.get()).as("shard Jobs running at once").isEqualTo(CAP);
      assertThat(fullyReleased).as("a run has all its shards started before a later run has, in the order of creation")
          .containsExactlyElementsOf(names);
      assertThat(names).allSatisfy(n -> {
        assertThat(get(n).getStatus().getPeakRunningShards()).isBetween(1, 2);
        assertThat(Conditions.find(get(n).getStatus(), Conditions.QUEUED)).satisfiesAnyOf(
            c -> assertThat(c).isNull(), c -> assertThat(c.getStatus()).isEqualTo("False"));
      });
      assertThat(metrics.get("shardrun.running.shards.peak").gauge().value()).isEqualTo(CAP);
    } finally {
      operator.stop();
    }
  }

  TestRun testRun(String name) throws Exception {
    TestRun run = Manifests.read(Files.readString(Path.of("../examples/testrun.yaml")), "testrun.yaml").testRuns().get(0);
    run.getMetadata().setName(name);
    run.getMetadata().setNamespace(NS);
    run.getSpec().setShards(2);
    return run;
  }

  TestRun get(String name) {
    return client.resources(TestRun.class).inNamespace(NS).withName(name).get();
  }

  static boolean ended(Job job) {
    return job.getStatus() != null && job.getStatus().getConditions().stream()
        .anyMatch(c -> ("Complete".equals(c.getType()) || "Failed".equals(c.getType())) && "True".equals(c.getStatus()));
  }

  /** The Job's pod runs its shard's files, all passing, and ends. */
  void finish(JobControllerPlay play, Job job) throws Exception {
    String run = job.getMetadata().getLabels().get(Labels.TESTRUN);
    int shard = Integer.parseInt(job.getMetadata().getLabels().get(Labels.SHARD));
    Plan plan = PlanCodec.read(client.configMaps().inNamespace(NS).withName(run + "-plan").get().getData().get("plan.json"), "plan");
    List<FileResult> results = new ArrayList<>();
    for (PlannedFile file : plan.shards().get(shard).files()) {
      results.add(new FileResult(file.path(), Outcome.PASSED, 100, List.of(), null, null));
    }
    Pod pod = play.startPod(job);
    play.annotate(pod, Map.of(ResultsCodec.ANNOTATION, ResultsCodec.encode(new ResultsDocument(shard, ShardState.DONE,
        ShardCounts.tally(results.size(), results, 100L * results.size()), results))));
    play.exit(pod, 0, null, Duration.ZERO);
  }
}
