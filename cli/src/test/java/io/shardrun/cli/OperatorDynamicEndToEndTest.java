package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shardrun.core.plan.Assignment;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.PlanCodec;
import io.shardrun.core.render.Images;
import io.shardrun.core.render.SuiteConfigMap;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.crd.v1alpha1.BatchMode;
import io.shardrun.crd.v1alpha1.BatchSpec;
import io.shardrun.crd.v1alpha1.Phase;
import io.shardrun.crd.v1alpha1.Sharding;
import io.shardrun.crd.v1alpha1.TestRun;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dynamic TestRun end to end on the mock API server, with the real executor: shard pods start
 * at staggered times, one pod is deleted while it runs a batch (its Job replaces it) and the
 * operator is restarted mid-run. Every file runs to completion and is counted once; the API
 * writes the run cost are counted.
 */
class OperatorDynamicEndToEndTest {
  static final String NS = "dyn";
  static final String OPERATOR_AGENT = "shardrun-operator-under-test";
  @RegisterExtension static final ApiServer API = new ApiServer();
  KubernetesClient client = API.client();
  @TempDir Path dir;

  @Test
  void podsStartingApartTakeWorkAsTheyComeAndALostPodsWorkRunsAgain() throws Exception {
    client.apiextensions().v1().customResourceDefinitions().load(Path.of("../crd/testruns.shardrun.io-v1.yml").toFile()).create();
    client.resource(SuiteConfigMap.build("demo-suite", NS, SuiteFiles.fromDirectory(Path.of("../examples/suite")))).create();
    KubernetesClient operatorClient = new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(
        new io.fabric8.kubernetes.client.ConfigBuilder(client.getConfiguration()).withUserAgent(OPERATOR_AGENT).build()).build();
    Operator operator = ShardrunOperator.start(operatorClient, Images.defaults(), Set.of(), null, Clock.systemUTC(), new SimpleMeterRegistry());
    ExecutorKubelet executors = new ExecutorKubelet(client, NS, dir);
    try (StaticSite site = StaticSite.serve(Path.of("../examples/site"));
        LocalChromedriver browser = LocalChromedriver.start(BrowserTools.resolve(null, null), true)) {
      TestRun run = io.shardrun.core.run.Manifests.read(Files.readString(Path.of("../examples/testrun.yaml")), "testrun.yaml").testRuns().get(0);
      run.getMetadata().setName("dynamic");
      run.getMetadata().setNamespace(NS);
      run.getSpec().getEnv().get(0).setValue(site.baseUrl());
      run.getSpec().getSelector().setInclude(List.of("^(home|auth)/"));
      run.getSpec().setShards(3);
      run.getSpec().setSharding(Sharding.DYNAMIC);
      BatchSpec oneAtATime = new BatchSpec();
      oneAtATime.setMode(BatchMode.OFF);
      run.getSpec().setBatch(oneAtATime);
      client.resource(run).create();
      await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(() -> client.batch().v1().jobs().inNamespace(NS).list().getItems().size() == 3);
      Plan plan = PlanCodec.read(client.configMaps().inNamespace(NS).withName("dynamic-plan").get().getData().get("plan.json"), "plan");
      writes(); // from here on

      JobControllerPlay play = new JobControllerPlay(client, Duration.ofMillis(200));
      List<Job> jobs = client.batch().v1().jobs().inNamespace(NS).list().getItems().stream()
          .sorted(java.util.Comparator.comparing(j -> j.getMetadata().getName())).toList();
      List<Pod> pods = new ArrayList<>();
      List<Process> processes = new ArrayList<>();
      for (int i = 0; i < jobs.size(); i++) {
        Thread.sleep(i == 0 ? 0 : 4000); // pods start 0, 4 and 8 s apart
        pods.add(play.startPod(jobs.get(i)));
        processes.add(executors.startExecutor(jobs.get(i), pods.get(i), browser));
      }
      // The first pod loses its container while it holds a batch: the Job's replacement takes over.
      await().atMost(Duration.ofSeconds(120)).until(() -> batches(pods.get(0)) >= 2);
      processes.get(0).destroyForcibly().waitFor();
      Pod replacement = play.delete(pods.get(0), Duration.ofSeconds(1));
      pods.set(0, replacement);
      processes.set(0, executors.startExecutor(jobs.get(0), replacement, browser));
      // And the operator restarts while the run goes on.
      operator.stop();
      operator = ShardrunOperator.start(operatorClient, Images.defaults(), Set.of(), null, Clock.systemUTC(), new SimpleMeterRegistry());

      for (int i = 0; i < jobs.size(); i++) {
        assertThat(processes.get(i).waitFor(180, TimeUnit.SECONDS)).isTrue();
        String said = Files.readString(executors.terminationLog(pods.get(i)));
        play.exit(pods.get(i), processes.get(i).exitValue(), said.isEmpty() ? null : said, Duration.ofSeconds(1));
      }

      await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        TestRun done = client.resources(TestRun.class).inNamespace(NS).withName("dynamic").get();
        assertThat(done.getStatus().getPhase()).as(String.valueOf(done.getStatus().getShards())).isEqualTo(Phase.Succeeded);
        assertThat(done.getStatus().getSummary().getFiles()).isEqualTo(plan.fileCount());
        assertThat(done.getStatus().getSummary().getPassed()).as("every file counted once").isEqualTo(plan.fileCount());
      });
      Map<String, Integer> writes = writes();
      System.out.printf("dynamic run of %d units on 3 shards: API writes %s%n", plan.units().size(), writes);
      assertThat(writes.getOrDefault("assignments", 0)).as("assignment writes: a batch each, and a done per pod")
          .isLessThanOrEqualTo(plan.units().size() + 2 * (jobs.size() + 1));
    } finally {
      operator.stop();
      operatorClient.close();
    }
  }

  private int batches(Pod pod) {
    Map<String, String> annotations = client.pods().inNamespace(NS).withName(pod.getMetadata().getName()).get().getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(Assignment.ANNOTATION);
    return value == null ? 0 : Assignment.read(value, "pod").batches().size();
  }

  /**
   * The pod writes since the last call: the operator's (assignments), and the executors' (their
   * results and asks); the Job controller's and kubelet's status writes are not counted.
   */
  private static Map<String, Integer> writes() throws InterruptedException {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    for (RecordedRequest request; (request = API.server().takeRequest(1, TimeUnit.MILLISECONDS)) != null; ) {
      if ("PATCH".equals(request.getMethod()) && request.getPath().matches(".*/pods/[^/]+")) {
        counts.merge(OPERATOR_AGENT.equals(request.getHeader("User-Agent")) ? "assignments" : "results", 1, Integer::sum);
      }
    }
    return counts;
  }
}
