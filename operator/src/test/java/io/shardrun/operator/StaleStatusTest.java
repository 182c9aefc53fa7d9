package io.shardrun.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.PlanCodec;
import io.shardrun.core.plan.PlannedFile;
import io.shardrun.core.render.Images;
import io.shardrun.core.render.JobRenderer;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A reconcile that starts from a TestRun the cache has not updated yet (it does not show the
 * operator's own last status write, as a real informer may not for a few ms): its status write is
 * refused (409, the API server's optimistic locking), and it announces and counts nothing; the
 * reconcile from the fresh copy then finds nothing new to announce. The reconciler is driven
 * directly, so the test chooses which copy of the run each reconcile sees.
 */
class StaleStatusTest {
  static final String NS = "stale";
  @RegisterExtension static final ApiServer API = new ApiServer();
  KubernetesClient client = API.client();
  SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  TestRunReconciler reconciler;

  @BeforeEach
  void start() throws Exception {
    client.apiextensions().v1().customResourceDefinitions().load(Path.of("../crd/testruns.shardrun.io-v1.yml").toFile()).create();
    client.resource(SuiteConfigMap.build("demo-suite", NS, SuiteFiles.fromDirectory(Path.of("../examples/suite")))).create();
    TestRun run = Manifests.read(Files.readString(Path.of("../examples/testrun.yaml")), "testrun.yaml").testRuns().get(0);
    run.getMetadata().setNamespace(NS);
    client.resource(run).create();
    reconciler = new TestRunReconciler(new JobRenderer(Images.defaults()), new Events(client, Clock.systemUTC()),
        new RunMetrics(metrics), Clock.systemUTC(), new ShardSlots(io.shardrun.operator.decide.ShardCap.NONE, metrics));
  }

  @Test
  void aStatusComputedFromAStaleCopyIsRefusedAndNothingIsAnnouncedTwice() throws Exception {
    reconcile(fresh()); // plans, creates the Jobs: Planned
    reconcile(fresh());
    JobControllerPlay play = new JobControllerPlay(client, Duration.ZERO);
    Plan plan = PlanCodec.read(client.configMaps().inNamespace(NS).withName("demo-plan").get().getData().get("plan.json"), "plan");
    List<Job> jobs = plan.jobShards().stream()
        .map(s -> client.batch().v1().jobs().inNamespace(NS).withName("demo-shard-" + s.index()).get()).toList();
    List<Pod> pods = jobs.stream().map(play::startPod).toList();

    TestRun pending = fresh();
    reconcile(fresh()); // Started
    assertThat(fresh().getStatus().getPhase()).isEqualTo(Phase.Running);
    assertThatThrownBy(() -> reconcile(pending)).isInstanceOfSatisfying(KubernetesClientException.class,
        e -> assertThat(e.getCode()).isEqualTo(409));

    for (var shard : plan.jobShards()) {
      List<FileResult> passed = shard.files().stream().map(PlannedFile::path)
          .map(f -> new FileResult(f, Outcome.PASSED, 1000, List.of(), null, null)).toList();
      play.annotate(pods.get(shard.index()), Map.of(ResultsCodec.ANNOTATION, ResultsCodec.encode(
          new ResultsDocument(shard.index(), ShardState.DONE, ShardCounts.tally(passed.size(), passed, 1000), passed))));
      play.exit(pods.get(shard.index()), 0, null, Duration.ZERO);
    }
    TestRun running = fresh();
    reconcile(fresh()); // ShardFinished twice, Succeeded, counted
    assertThat(fresh().getStatus().getPhase()).isEqualTo(Phase.Succeeded);
    assertThatThrownBy(() -> reconcile(running)).isInstanceOfSatisfying(KubernetesClientException.class,
        e -> assertThat(e.getCode()).isEqualTo(409));
    reconcile(fresh());

    Map<String, Long> events = client.v1().events().inNamespace(NS).list().getItems().stream()
        .collect(Collectors.groupingBy(e -> e.getReason(), Collectors.counting()));
    assertThat(events).containsExactlyInAnyOrderEntriesOf(Map.of("Planned", 1L, "Started", 1L, "ShardFinished", 2L, "Succeeded", 1L));
    assertThat(metrics.counter("shardrun.runs.finished", "phase", "Succeeded").count()).isEqualTo(1.0);
  }

  TestRun fresh() {
    return client.resources(TestRun.class).inNamespace(NS).withName("demo").get();
  }

  void reconcile(TestRun run) {
    reconciler.reconcile(run, client, client.batch().v1().jobs().inNamespace(NS).list().getItems(),
        client.pods().inNamespace(NS).list().getItems(), written -> {}, null);
  }
}
