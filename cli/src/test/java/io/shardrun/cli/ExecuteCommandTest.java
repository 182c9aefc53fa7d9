package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.shardrun.core.plan.Assignment;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.PlanCodec;
import io.shardrun.core.plan.PlannedFile;
import io.shardrun.core.plan.PlannedShard;
import io.shardrun.core.plan.WorkUnit;
import io.shardrun.core.results.Event;
import io.shardrun.core.results.FileResult;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.results.RelayedEvents;
import io.shardrun.core.results.ResultsCodec;
import io.shardrun.core.results.ResultsDocument;
import io.shardrun.core.results.ShardState;
import io.shardrun.crd.v1alpha1.Sharding;
import io.shardrun.executor.browser.BrowserTools;
import io.shardrun.executor.browser.LocalChromedriver;
import io.shardrun.executor.site.StaticSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shard pod's executor, against the Fabric8 mock API server, a real chromedriver and the example site. */
@EnableKubernetesMockClient(crud = true)
class ExecuteCommandTest {
  static KubernetesClient client;
  static KubernetesMockServer server;
  static LocalChromedriver driver;
  static StaticSite site;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    driver = LocalChromedriver.start(BrowserTools.resolve(null, null), true);
    site = StaticSite.serve(Path.of("../examples/site"));
    // The executor builds its client from the environment, as in a pod; point it at the mock.
    System.setProperty("kubernetes.master", client.getMasterUrl().toString());
    System.setProperty("kubernetes.trust.certificates", "true");
    System.setProperty("kubernetes.auth.tryKubeConfig", "false");
    System.setProperty("kubernetes.auth.tryServiceAccount", "false");
  }

  @AfterAll
  static void stop() {
    driver.close();
    site.close();
  }

  @Test
  void publishesTheShardsResultsIntoItsOwnPodAndExitsOneOnATestFailure() throws Exception {
    client.pods().inNamespace("qa").resource(new PodBuilder().withNewMetadata().withName("nightly-shard-1-x7k2p")
        .withNamespace("qa").endMetadata().build()).create();
    Path suite = Files.createDirectories(dir.resolve("suite"));
    String base = site.baseUrl();
    Files.writeString(suite.resolve("home.json"), "{\"meta\": {\"tags\": [\"smoke\"]}, \"steps\": ["
        + "{\"command\": \"open\", \"target\": \"" + base + "/index.html\"}, {\"command\": \"assertTitle\", \"target\": \"Home - Shardrun demo\"}]}");
    Files.writeString(suite.resolve("wrong.json"), "{\"steps\": ["
        + "{\"command\": \"open\", \"target\": \"" + base + "/index.html\"}, {\"command\": \"assertTitle\", \"target\": \"Elsewhere\"}]}");
    List<String> files = List.of("home.json", "wrong.json");
    Plan plan = new Plan(Sharding.HASH, List.of(new PlannedShard(0, 0, List.of()),
        new PlannedShard(1, 2000, List.of(new PlannedFile("home.json", 1000), new PlannedFile("wrong.json", 1000)))));
    Path planFile = dir.resolve("plan.json");
    Files.writeString(planFile, PlanCodec.write(plan));

    Cli cli = Cli.run("execute", "--plan", planFile.toString(), "--shard", "1", "--suite", suite.toString(),
        "--webdriver-url", driver.url().toString(), "--out", dir.resolve("out").toString(),
        "--pod-name", "nightly-shard-1-x7k2p", "--pod-namespace", "qa");

    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isEqualTo(1);
    Pod pod = client.pods().inNamespace("qa").withName("nightly-shard-1-x7k2p").get();
    String annotation = pod.getMetadata().getAnnotations().get(ResultsCodec.ANNOTATION);
    ResultsDocument results = ResultsCodec.decode(annotation, files, "pod annotation");
    assertThat(results.shard()).isEqualTo(1);
    assertThat(results.state()).isEqualTo(ShardState.DONE);
    assertThat(results.counts().files()).isEqualTo(2);
    assertThat(results.counts().passed()).isEqualTo(1);
    assertThat(results.counts().failed()).isEqualTo(1);
    assertThat(results.files()).extracting(FileResult::file, FileResult::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("home.json", Outcome.PASSED),
        org.assertj.core.groups.Tuple.tuple("wrong.json", Outcome.FAILED));
    assertThat(results.files().get(0).tags()).containsExactly("smoke");
    assertThat(results.files().get(1).message()).isEqualTo("steps[1] assertTitle Elsewhere: expected 'Elsewhere' but was 'Home - Shardrun demo'");
    assertThat(dir.resolve("out/junit.xml")).exists();
  }

  @Test
  void aShardsEventsGoIntoItsResultDocumentAndItWaitsOnTheEventsRelayedToItsPod() throws Exception {
    Event relayed = new Event("order.created", "order-17", "create.json", 0, 1_000L);
    client.pods().inNamespace("qa-events").resource(new PodBuilder().withNewMetadata().withName("ev-shard-1-x7k2p")
        .withNamespace("qa-events").withAnnotations(Map.of(RelayedEvents.ANNOTATION, RelayedEvents.encode(List.of(relayed))))
        .endMetadata().build()).create();
    Path suite = Files.createDirectories(dir.resolve("suite"));
    Files.writeString(suite.resolve("ship.json"), "{\"steps\": [{\"command\": \"waitForEvent\", \"target\": \"order.created\","
        + " \"value\": \"order-17\"}, {\"command\": \"publishEvent\", \"target\": \"order.shipped\", \"value\": \"order-17\"}]}");
    Path planFile = Files.writeString(dir.resolve("plan.json"), PlanCodec.write(new Plan(Sharding.HASH, List.of(
        new PlannedShard(0, 0, List.of()), new PlannedShard(1, 1000, List.of(new PlannedFile("ship.json", 1000)))))));

    Cli cli = Cli.run("execute", "--plan", planFile.toString(), "--shard", "1", "--suite", suite.toString(),
        "--webdriver-url", driver.url().toString(), "--out", dir.resolve("out").toString(),
        "--pod-name", "ev-shard-1-x7k2p", "--pod-namespace", "qa-events");

    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isEqualTo(0);
    Pod pod = client.pods().inNamespace("qa-events").withName("ev-shard-1-x7k2p").get();
    ResultsDocument results = ResultsCodec.decode(pod.getMetadata().getAnnotations().get(ResultsCodec.ANNOTATION), List.of("ship.json"),
        "pod annotation");
    assertThat(results.events()).extracting(Event::topic, Event::value, Event::file, Event::shard)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("order.shipped", "order-17", "ship.json", 1));
    assertThat(results.files().get(0).events()).isEqualTo(results.events());
  }

  @Test
  void theFilesSeeOnlyTheListedVariablesSoOnlyTheirValuesAreMasked() throws Exception {
    String pod = "vars-shard-0-x7k2p";
    client.pods().inNamespace("qa-vars").resource(new PodBuilder().withNewMetadata().withName(pod).withNamespace("qa-vars").endMetadata().build()).create();
    Path suite = Files.createDirectories(dir.resolve("suite"));
    Files.writeString(suite.resolve("where.json"), "{\"steps\": [{\"command\": \"open\", \"target\": \"${BASE_URL}/index.html\"},"
        + " {\"command\": \"verifyTitle\", \"target\": \"/tmp on qa-vars/" + pod + " with ${API_TOKEN}\"}]}");
    Files.writeString(suite.resolve("unset.json"), "{\"steps\": [{\"command\": \"echo\", \"target\": \"${SHOP_USER}\"}]}");
    List<String> files = List.of("where.json", "unset.json");
    Path plan = Files.writeString(dir.resolve("plan.json"), PlanCodec.write(new Plan(Sharding.HASH,
        List.of(new PlannedShard(0, 2000, List.of(new PlannedFile("where.json", 1000), new PlannedFile("unset.json", 1000)))))));
    // A process of its own, with the environment of a shard pod: the test cannot change its own.
    ProcessBuilder executor = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "execute", "--plan", plan.toString(), "--shard", "0", "--suite", suite.toString(),
        "--webdriver-url", driver.url().toString(), "--out", dir.resolve("out").toString(), "--variables=BASE_URL,API_TOKEN,SHOP_USER")
        .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile());
    executor.environment().clear();
    executor.environment().putAll(Map.of("HOME", "/tmp", "HOSTNAME", pod, "POD_NAME", pod, "POD_NAMESPACE", "qa-vars",
        "BASE_URL", site.baseUrl(), "API_TOKEN", "s3cr3t-t0ken"));
    executor.environment().putAll(Map.of("KUBERNETES_MASTER", client.getMasterUrl().toString(), "KUBERNETES_TRUST_CERTIFICATES", "true",
        "KUBERNETES_AUTH_TRYKUBECONFIG", "false", "KUBERNETES_AUTH_TRYSERVICEACCOUNT", "false"));

    Process process = executor.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(Files.readString(dir.resolve("log"))).isEqualTo(1);
    ResultsDocument results = ResultsCodec.decode(client.pods().inNamespace("qa-vars").withName(pod).get()
        .getMetadata().getAnnotations().get(ResultsCodec.ANNOTATION), files, "pod annotation");
    assertThat(results.files()).extracting(FileResult::message).containsExactly(
        "steps[1] verifyTitle /tmp on qa-vars/" + pod + " with ${API_TOKEN}: expected '/tmp on qa-vars/" + pod
            + " with ${API_TOKEN}' but was 'Home - Shardrun demo'",
        "steps[0] echo ${SHOP_USER}: variable ${SHOP_USER} is not set: define it in the run's environment"
            + " (spec.env, --env, --base-url) or store it in an earlier step");
  }

  @Test
  void withoutItsPodIdentityTheExecutorRefusesToStart() throws Exception {
    Path plan = dir.resolve("plan.json");
    Files.writeString(plan, PlanCodec.write(new Plan(Sharding.HASH, List.of(new PlannedShard(0, 0, List.of())))));
    Cli cli = Cli.run("execute", "--plan", plan.toString(), "--shard", "0", "--suite", dir.toString(),
        "--webdriver-url", "http://127.0.0.1:9515", "--pod-name", "", "--pod-namespace", "");
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("POD_NAME and POD_NAMESPACE must be set");
  }

  @Test
  void aShardOutsideThePlanIsAClearError() throws Exception {
    Path plan = dir.resolve("plan.json");
    Files.writeString(plan, PlanCodec.write(new Plan(Sharding.HASH, List.of(new PlannedShard(0, 0, List.of())))));
    Cli cli = Cli.run("execute", "--plan", plan.toString(), "--shard", "3", "--suite", dir.toString(),
        "--webdriver-url", "http://127.0.0.1:9515", "--pod-name", "p", "--pod-namespace", "qa");
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).isEqualTo("error: --shard 3 is not in the plan, which has shards 0 to 0\n");
  }

  @Test
  void whenTheBrowserSidecarNeverAnswersTheExecutorExitsAsAnInfrastructureErrorNamingTheUrlAndTheWait() throws Exception {
    Path suite = Files.createDirectories(dir.resolve("suite"));
    Files.writeString(suite.resolve("home.json"), "{\"steps\": [{\"command\": \"open\", \"target\": \"/\"}]}");
    Path plan = dir.resolve("plan.json");
    Files.writeString(plan, PlanCodec.write(new Plan(Sharding.HASH, List.of(new PlannedShard(0, 1000, List.of(new PlannedFile("home.json", 1000)))))));
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort(); // closed again: nothing listens there
    }
    Path terminationLog = Files.createFile(dir.resolve("termination-log"));
    Cli cli = Cli.run("execute", "--plan", plan.toString(), "--shard", "0", "--suite", suite.toString(),
        "--webdriver-url", "http://127.0.0.1:" + port, "--webdriver-wait", "1",
        "--pod-name", "p", "--pod-namespace", "qa", "--termination-log", terminationLog.toString());
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).isEqualTo("error: the browser sidecar did not answer http://127.0.0.1:" + port + "/status within 1 s\n");
    assertThat(terminationLog).hasContent("the browser sidecar did not answer http://127.0.0.1:" + port + "/status within 1 s");
  }

  @Test
  void anExecutorThatCannotReachItsOwnPodStopsBeforeTheFirstFile() throws Exception {
    Path suite = Files.createDirectories(dir.resolve("suite"));
    Files.writeString(suite.resolve("home.json"), "{\"steps\": [{\"command\": \"open\", \"target\": \"" + site.baseUrl() + "/index.html\"}]}");
    Path plan = dir.resolve("plan.json");
    Files.writeString(plan, PlanCodec.write(new Plan(Sharding.HASH, List.of(new PlannedShard(0, 1000, List.of(new PlannedFile("home.json", 1000)))))));
    Path terminationLog = dir.resolve("termination-log"); // not created: as outside a pod
    Cli cli = Cli.run("execute", "--plan", plan.toString(), "--shard", "0", "--suite", suite.toString(),
        "--webdriver-url", driver.url().toString(), "--out", dir.resolve("out").toString(),
        "--pod-name", "ghost-shard-0-q2w3e", "--pod-namespace", "qa", "--termination-log", terminationLog.toString());
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).startsWith("error: cannot publish results into pod qa/ghost-shard-0-q2w3e: HTTP 404")
        .endsWith("; the pod does not exist: POD_NAME and POD_NAMESPACE must name the executor's own pod\n");
    assertThat(dir.resolve("out/junit.xml")).as("no file ran").doesNotExist();
    assertThat(terminationLog).doesNotExist();
  }

  /** The real API server's answer to the executor's first publish while the admission policy was broken (422). */
  static JsonNode recordedRefusal() throws Exception {
    return new ObjectMapper().readTree(Path.of("../testdata/k8s-recordings/admission/own-pod-add-result.json").toFile());
  }

  /** Creates the recording's pod; expectations answer its patches before the CRUD store does. */
  static String recordedPodPath(JsonNode recorded) {
    client.resource(new PodBuilder().withNewMetadata().withName("rec-adm-shard-0-m4lkc").withNamespace("shardrun").endMetadata().build())
        .createOr(NonDeletingOperation::update);
    return recorded.path("sentBy").path("http").path("path").asText();
  }

  static Status status(JsonNode answer) {
    return new StatusBuilder().withStatus("Failure").withCode(answer.path("httpStatus").asInt())
        .withReason(answer.path("reason").asText()).withMessage(answer.path("message").asText()).build();
  }

  Path oneFileShard() throws Exception {
    Path suite = Files.createDirectories(dir.resolve("suite"));
    Files.writeString(suite.resolve("home.json"), "{\"steps\": [{\"command\": \"open\", \"target\": \"" + site.baseUrl() + "/index.html\"}]}");
    Files.writeString(dir.resolve("plan.json"),
        PlanCodec.write(new Plan(Sharding.HASH, List.of(new PlannedShard(0, 1000, List.of(new PlannedFile("home.json", 1000)))))));
    return suite;
  }

  Cli executeAsRecordedPod(Path suite, Path terminationLog) {
    return Cli.run("execute", "--plan", dir.resolve("plan.json").toString(), "--shard", "0", "--suite", suite.toString(),
        "--webdriver-url", driver.url().toString(), "--out", dir.resolve("out").toString(),
        "--pod-name", "rec-adm-shard-0-m4lkc", "--pod-namespace", "shardrun", "--termination-log", terminationLog.toString());
  }

  @Test
  void aFirstPublishRefusedByAdmissionExitsTwoWithTheServersAnswerAlsoAsTheTerminationMessage() throws Exception {
    JsonNode recorded = recordedRefusal();
    JsonNode answer = recorded.path("answers").path("asInstalled");
    server.expect().patch().withPath(recordedPodPath(recorded)).andReturn(422, status(answer)).once();
    Path terminationLog = Files.createFile(dir.resolve("termination-log"));

    Cli cli = executeAsRecordedPod(oneFileShard(), terminationLog);

    assertThat(cli.exitCode()).isEqualTo(2);
    String message = Files.readString(terminationLog);
    assertThat(message).startsWith("cannot publish results into pod shardrun/rec-adm-shard-0-m4lkc: HTTP 422 Invalid: "
        + answer.path("message").asText() + "; ");
    assertThat(cli.err()).isEqualTo("error: " + message + "\n");
    assertThat(dir.resolve("out/junit.xml")).as("no file ran").doesNotExist();
  }

  @Test
  void aFinalPublishThatKeepsFailingWarnsBeforeEachRetryThenEndsWithTheSameMessage() throws Exception {
    JsonNode recorded = recordedRefusal();
    String path = recordedPodPath(recorded);
    server.expect().patch().withPath(path).andReturn(200, client.pods().inNamespace("shardrun").withName("rec-adm-shard-0-m4lkc").get()).once();
    server.expect().patch().withPath(path).andReturn(422, status(recorded.path("answers").path("asInstalled"))).always();
    Path terminationLog = Files.createFile(dir.resolve("termination-log"));

    Cli cli = executeAsRecordedPod(oneFileShard(), terminationLog);

    assertThat(cli.exitCode()).isEqualTo(2);
    String message = Files.readString(terminationLog);
    assertThat(message).startsWith("cannot publish results into pod shardrun/rec-adm-shard-0-m4lkc: HTTP 422 Invalid: ");
    assertThat(cli.err())
        .contains("warning: publishing the final results failed (attempt 1 of 5), will retry: " + message + "\n")
        .contains("warning: publishing the final results failed (attempt 4 of 5), will retry: " + message + "\n")
        .endsWith("\nerror: " + message + "\n");
  }

  /** A dynamic plan of two one-file units, and its suite; the files echo, so they need no page. */
  Path dynamicShard() throws Exception {
    Path suite = Files.createDirectories(dir.resolve("suite"));
    Files.writeString(suite.resolve("one.json"), "{\"steps\": [{\"command\": \"echo\", \"target\": \"one\"}]}");
    Files.writeString(suite.resolve("two.json"), "{\"steps\": [{\"command\": \"echo\", \"target\": \"two\"}]}");
    Files.writeString(dir.resolve("plan.json"), PlanCodec.write(new Plan(Sharding.DYNAMIC,
        List.of(new PlannedShard(0, 0, List.of()), new PlannedShard(1, 0, List.of())),
        List.of(new WorkUnit(0, List.of(new PlannedFile("one.json", 1000))), new WorkUnit(1, List.of(new PlannedFile("two.json", 1000)))))));
    return suite;
  }

  CompletableFuture<Cli> executeDynamic(String pod, Path suite, String... more) {
    client.pods().inNamespace("qa-dyn").resource(new PodBuilder().withNewMetadata().withName(pod).withNamespace("qa-dyn").endMetadata().build())
        .create();
    List<String> args = new ArrayList<>(List.of("execute", "--plan", dir.resolve("plan.json").toString(), "--shard", "1",
        "--suite", suite.toString(), "--webdriver-url", driver.url().toString(), "--out", dir.resolve("out").toString(),
        "--pod-name", pod, "--pod-namespace", "qa-dyn"));
    args.addAll(List.of(more));
    return CompletableFuture.supplyAsync(() -> Cli.run(args.toArray(String[]::new)));
  }

  @Test
  void aDynamicShardRunsTheBatchesTheOperatorAssignsToItsPodUntilDone() throws Exception {
    String pod = "dyn-shard-1-x7k2p";
    CompletableFuture<Cli> executor = executeDynamic(pod, dynamicShard());
    // The operator: each ask gets the next unit as a batch, then done.
    Assignment given = Assignment.none();
    while (!executor.isDone()) {
      String results = client.pods().inNamespace("qa-dyn").withName(pod).get().getMetadata().getAnnotations().get(ResultsCodec.ANNOTATION);
      if (results != null && ResultsCodec.decode(results, List.of(), pod).wants() > given.batches().size() && !given.done()) {
        given = given.batches().size() < 2 ? given.plus(List.of(given.batches().size())) : given.finished();
        Assignment assignment = given;
        client.pods().inNamespace("qa-dyn").withName(pod).edit(p -> new PodBuilder(p).editMetadata()
            .addToAnnotations(Assignment.ANNOTATION, assignment.toJson()).endMetadata().build());
      }
      Thread.sleep(50);
    }

    Cli cli = executor.join();
    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
    ResultsDocument results = ResultsCodec.decode(client.pods().inNamespace("qa-dyn").withName(pod).get().getMetadata().getAnnotations()
        .get(ResultsCodec.ANNOTATION), List.of("one.json", "two.json"), "pod annotation");
    assertThat(results.state()).isEqualTo(ShardState.DONE);
    assertThat(results.shard()).isEqualTo(1);
    assertThat(results.wants()).isEqualTo(3);
    assertThat(results.counts().files()).isEqualTo(2);
    assertThat(results.files()).extracting(FileResult::file, FileResult::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("one.json", Outcome.PASSED),
        org.assertj.core.groups.Tuple.tuple("two.json", Outcome.PASSED));
  }

  @Test
  void aDynamicShardGivenNoBatchInTimeExitsTwoNamingItsPod() throws Exception {
    Path terminationLog = Files.createFile(dir.resolve("termination-log"));

    Cli cli = executeDynamic("idle-shard-1-x7k2p", dynamicShard(), "--assignment-wait", "1", "--termination-log", terminationLog.toString())
        .join();

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(terminationLog).hasContent("pod qa-dyn/idle-shard-1-x7k2p was given no batch 1 within 1 s: its shardrun.io/assignment"
        + " annotation holds no batch and does not say done; the operator hands out the batches: check that it is running");
  }
}
