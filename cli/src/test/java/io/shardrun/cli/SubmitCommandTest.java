package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shardrun.core.render.Images;
import io.shardrun.core.render.SuiteConfigMap;
import io.shardrun.core.run.Manifests;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.operator.ShardrunOperator;
import io.shardrun.operator.cluster.ApiServer;
import io.shardrun.operator.cluster.ApiServerDispatcher;
import io.shardrun.operator.cluster.JobControllerPlay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shardrun submit} and {@code shardrun results} where things go wrong, on the mock API
 * server with the real operator (no executor: the test plays the Job controller's account of
 * pods that fail): bad input creates nothing, and no run that is not Succeeded exits 0.
 */
class SubmitCommandTest {
  @RegisterExtension static final ApiServer API = new ApiServer();
  static Operator operator;
  static KubernetesClient client;

  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    client = API.client();
    client.apiextensions().v1().customResourceDefinitions().load(Path.of("../crd/testruns.shardrun.io-v1.yml").toFile()).create();
    System.setProperty("kubeconfig", Kubeconfigs.write(dir, API.server().url("/"), "default").toString());
    operator = ShardrunOperator.start(client, Images.defaults(), Set.of(), null, Clock.systemUTC(), new SimpleMeterRegistry());
  }

  @AfterAll
  static void stop() {
    operator.stop();
    System.clearProperty("kubeconfig");
  }

  @Test
  void aRunThatEndsInErrorExits2AndSaysWhy() throws Exception {
    TestRun run = testRun("broken", "errors");
    run.getSpec().setShards(1);
    run.getSpec().setRetries(0);
    CompletableFuture<Cli> submit = CompletableFuture.supplyAsync(() -> Cli.run("submit", "-f", write(run).toString(), "--suite",
        "../examples/suite", "--wait", "--junit", dir.resolve("broken.xml").toString()));
    Job job = await().ignoreExceptions().atMost(Duration.ofSeconds(30))
        .until(() -> client.batch().v1().jobs().inNamespace("errors").list().getItems().get(0), j -> j != null);
    JobControllerPlay play = new JobControllerPlay(client, Duration.ofMillis(100));
    Pod pod = play.startPod(job);
    while (pod != null) { // the executor cannot reach its browser: exit 2, retried until the Job gives up
      pod = play.exit(pod, 2, "the browser did not answer", Duration.ZERO);
    }
    Cli submitted = submit.get(60, TimeUnit.SECONDS);
    assertThat(submitted.exitCode()).as(submitted.out() + submitted.err()).isEqualTo(2);
    assertThat(submitted.out()).contains("TestRun errors/broken Error", "shard 0: the shard's pod failed more often than spec.retries allows (BackoffLimitExceeded)");
    assertThat(dir.resolve("broken.xml")).exists();
  }

  @Test
  void aTimeoutExits2AndTheRunGoesOn() throws Exception {
    Cli submitted = Cli.run("submit", "-f", write(testRun("slow", "timeouts")).toString(), "--suite", "../examples/suite",
        "--wait", "--timeout", "3s");
    assertThat(submitted.exitCode()).isEqualTo(2);
    assertThat(submitted.err()).contains("gave up waiting for TestRun timeouts/slow after --timeout",
        "follow it again with: shardrun results slow -n timeouts --wait");
    assertThat(client.resources(TestRun.class).inNamespace("timeouts").withName("slow").get()).isNotNull();

    Cli notYet = Cli.run("results", "slow", "-n", "timeouts");
    assertThat(notYet.exitCode()).isEqualTo(2);
    assertThat(notYet.err()).containsPattern("TestRun timeouts/slow is (still Pending|not started): add --wait to follow it");
  }

  @Test
  void anApiServerThatGoesAwayWhileWaitingExits2() throws Exception {
    KubernetesMockServer doomed = ApiServerDispatcher.start();
    String before = System.getProperty("kubeconfig");
    try (KubernetesClient doomedClient = doomed.createClient()) {
      doomedClient.apiextensions().v1().customResourceDefinitions().load(Path.of("../crd/testruns.shardrun.io-v1.yml").toFile()).create();
      System.setProperty("kubeconfig", Kubeconfigs.write(dir, doomed.url("/"), "default").toString());
      CompletableFuture<Cli> submit = CompletableFuture.supplyAsync(() -> Cli.run("submit", "-f", write(testRun("lost", "gone")).toString(),
          "--suite", "../examples/suite", "--wait", "--unreachable-for", "3s"));
      await().ignoreExceptions().atMost(Duration.ofSeconds(60))
          .until(() -> submit.isDone() || doomedClient.resources(TestRun.class).inNamespace("gone").withName("lost").get() != null);
      assertThat(submit.isDone()).as(() -> "submit ended before the API server went away: " + submit.join().out() + submit.join().err())
          .isFalse();
      doomed.destroy();
      Cli submitted = submit.get(60, TimeUnit.SECONDS);
      assertThat(submitted.exitCode()).isEqualTo(2);
      assertThat(submitted.out()).contains("warning: the API server does not answer");
      assertThat(submitted.err()).contains("lost the API server at " + doomed.url("/"), "the run goes on in the cluster",
          "follow it again with: shardrun results lost -n gone --wait");
    } finally {
      System.setProperty("kubeconfig", before);
    }
  }

  @Test
  void aSignalStopsFollowingAndSaysHowToFollowAgain() throws Exception {
    Path log = dir.resolve("interrupted.log");
    Process submit = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
        "-Dkubeconfig=" + System.getProperty("kubeconfig"), "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "submit", "-f", write(testRun("interrupted", "signals")).toString(), "--suite", "../examples/suite", "--wait")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    await().ignoreExceptions().atMost(Duration.ofSeconds(60))
        .until(() -> Files.readString(log).contains("testrun.shardrun.io/interrupted created"));
    submit.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the shutdown hooks run
    assertThat(submit.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(log)).contains("stopped following TestRun interrupted; it goes on in the cluster; follow it again with:"
        + " shardrun results interrupted -n signals --wait");
    assertThat(client.resources(TestRun.class).inNamespace("signals").withName("interrupted").get()).isNotNull();
  }

  @Test
  void badInputCreatesNothing() throws Exception {
    TestRun invalid = testRun("invalid", "bad");
    invalid.getSpec().setShards(0);
    assertRefused(Cli.run("submit", "-f", write(invalid).toString(), "--suite", "../examples/suite"), "spec.shards");

    Path suite = dir.resolve("broken-suite");
    copy(Path.of("../examples/suite"), suite);
    Files.writeString(suite.resolve("home/navigation.json"), "{ not json");
    assertRefused(Cli.run("submit", "-f", write(testRun("badsuite", "bad")).toString(), "--suite", suite.toString()), "home/navigation.json");

    assertRefused(Cli.run("submit", "-f", write(testRun("nosuite", "bad")).toString()),
        "reads its suite from ConfigMap demo-suite, which is not in namespace bad: pass --suite DIR");

    assertRefused(Cli.run("submit", "-f", write(testRun("nowait", "bad")).toString(), "--suite", "../examples/suite", "--junit", "x.xml"),
        "--junit, --report and --timeout need --wait");

    Files.createDirectories(dir.resolve("a-folder"));
    assertRefused(Cli.run("submit", "-f", write(testRun("folder", "bad")).toString(), "--suite", "../examples/suite", "--wait",
        "--junit", dir.resolve("a-folder").toString()), "--junit " + dir.resolve("a-folder") + ": is a folder; expected a file");

    TestRun unnamed = testRun(null, "bad");
    assertRefused(Cli.run("submit", "-f", write(unnamed).toString(), "--suite", "../examples/suite"),
        "metadata.name or metadata.generateName: required");

    assertThat(client.resources(TestRun.class).inNamespace("bad").list().getItems()).isEmpty();
    assertThat(client.configMaps().inNamespace("bad").list().getItems()).isEmpty();
  }

  @Test
  void aSuiteThatExistsInTheClusterIsUsedAsItIs() throws Exception {
    client.resource(SuiteConfigMap.build("demo-suite", "kept", SuiteFiles.fromDirectory(Path.of("../examples/suite")))).create();
    TestRun run = testRun(null, "kept");
    run.getMetadata().setGenerateName("again-");
    Cli first = Cli.run("submit", "-f", write(run).toString());
    Cli second = Cli.run("submit", "-f", write(run).toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(first.out()).containsPattern("testrun.shardrun.io/again-\\w{5} created in kept")
        .contains("follow it: shardrun results again-");
    assertThat(client.resources(TestRun.class).inNamespace("kept").list().getItems()).hasSize(2);
    assertThat(Cli.run("results", "missing", "-n", "kept").err()).contains("no TestRun missing in namespace kept");
  }

  static void assertRefused(Cli cli, String says) {
    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isEqualTo(2);
    assertThat(cli.err()).contains(says).doesNotContain("Exception");
  }

  static TestRun testRun(String name, String namespace) {
    TestRun run;
    try {
      run = Manifests.read(Files.readString(Path.of("../examples/testrun.yaml")), "testrun.yaml").testRuns().get(0);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    run.getMetadata().setName(name);
    run.getMetadata().setNamespace(namespace);
    return run;
  }

  static Path write(TestRun run) {
    try {
      Path file = Files.createTempFile(dir, "testrun", ".yaml");
      return Files.writeString(file, Manifests.write(List.of(run)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void copy(Path from, Path to) throws Exception {
    List<Path> files = new ArrayList<>();
    try (var walk = Files.walk(from)) {
      walk.forEach(files::add);
    }
    for (Path file : files) {
      Path target = to.resolve(from.relativize(file).toString());
      if (Files.isDirectory(file)) {
        Files.createDirectories(target);
      } else {
        Files.copy(file, target);
      }
    }
  }
}
