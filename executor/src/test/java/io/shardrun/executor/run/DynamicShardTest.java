package io.shardrun.executor.run;

import io.shardrun.core.variant.Variants;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.shardrun.core.plan.Assignment;
import io.shardrun.core.plan.PlannedFile;
import io.shardrun.core.plan.WorkUnit;
import io.shardrun.core.results.FileResult;
import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.results.ResultsCodec;
import io.shardrun.core.results.ResultsDocument;
import io.shardrun.core.results.ShardState;
import io.shardrun.core.suite.Suite;
import io.shardrun.core.suite.SuiteFile;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteKeys;
import io.shardrun.core.suite.SuiteParser;
import io.shardrun.executor.assignment.AssignmentException;
import io.shardrun.executor.assignment.AssignmentWait;
import io.shardrun.executor.assignment.PodAssignmentReader;
import io.shardrun.executor.browser.BrowserSession;
import io.shardrun.executor.browser.SessionFactory;
import io.shardrun.executor.publish.DebouncedPublisher;
import io.shardrun.executor.publish.OwnPodAnnotations;
import io.shardrun.executor.publish.PodAnnotationPublisher;
import io.shardrun.executor.publish.ShardProgress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dynamic shard against its pod on the Fabric8 mock API server, the test thread playing the
 * operator: it reads the shard's ask ({@code wants}) from the pod's results and writes the
 * assignment. The files echo and pause, which need no page, so a session without a browser does.
 */
@EnableKubernetesMockClient(crud = true)
class DynamicShardTest {
  static KubernetesClient client;
  static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor();
  static final String NAMESPACE = "qa";
  static final String ECHO = "{\"steps\": [{\"command\": \"echo\", \"target\": \"hi\"}]}";

  static final Suite SUITE = SuiteParser.parse(new SuiteFiles(List.of(
      file("a.json", ECHO),
      file("long.json", "{\"steps\": [{\"command\": \"pause\", \"target\": \"1500\"}]}"),
      file("c.json", ECHO),
      file("d.json", "{\"meta\": {\"depends_on\": [\"c.json\"]}, \"steps\": [{\"command\": \"echo\", \"target\": \"after c\"}]}"),
      file("b.json", ECHO)))).orThrow();

  /** The plan's units. long.json is estimated under the lead, so its shard asks as it starts; b.json far over it. */
  static final List<WorkUnit> UNITS = List.of(
      new WorkUnit(0, List.of(new PlannedFile("long.json", 4_000))),
      new WorkUnit(1, List.of(new PlannedFile("a.json", 1_000))),
      new WorkUnit(2, List.of(new PlannedFile("c.json", 1_000), new PlannedFile("d.json", 1_000))),
      new WorkUnit(3, List.of(new PlannedFile("b.json", 60_000))));

  /** Sessions for files that use no page. */
  static final SessionFactory NO_BROWSER = limit -> new BrowserSession() {
    @Override
    public org.openqa.selenium.WebDriver driver() {
      return null;
    }

    @Override
    public void abort() {}

    @Override
    public void close() {}
  };

  @TempDir Path out;
  final List<String> warnings = new CopyOnWriteArrayList<>();

  @AfterAll
  static void stop() {
    WATCHDOG.shutdownNow();
  }

  @Test
  void runsTheBatchesInOrderAskingForTheNextAsTheLastUnitStartsUntilDone() {
    String pod = createPod("dyn-shard-0-x7k2p");
    List<List<Integer>> batches = List.of(List.of(1, 0), List.of(2), List.of(3));
    long started = System.nanoTime();

    CompletableFuture<List<FileRun>> shard = start(pod, Duration.ofSeconds(20));
    // The operator: each new ask gets the next batch, or done once there is none.
    List<ResultsDocument> asks = new ArrayList<>();
    Assignment given = Assignment.none();
    while (!shard.isDone()) {
      ResultsDocument results = results(pod);
      if (results != null && results.wants() > given.batches().size() && !given.done()) {
        asks.add(results);
        given = given.batches().size() < batches.size() ? given.plus(batches.get(given.batches().size())) : given.finished();
        assign(pod, given.toJson());
      }
      pause(20);
    }

    assertThat(shard.join()).extracting(FileRun::file).containsExactly("a.json", "long.json", "c.json", "d.json", "b.json");
    assertThat(asks).extracting(ResultsDocument::wants).containsExactly(1, 2, 3, 4);
    assertThat(asks.get(1).files()).as("batch 2 asked for as long.json started, not after its 1.5 s nor the 2 s debounce")
        .extracting(FileResult::file).containsExactly("a.json");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("b.json's ask came as it ended, not 55 s after it started")
        .isLessThan(Duration.ofSeconds(15));
    ResultsDocument last = results(pod);
    assertThat(last.state()).isEqualTo(ShardState.DONE);
    assertThat(last.wants()).isEqualTo(4);
    assertThat(last.counts().files()).isEqualTo(5);
    assertThat(last.counts().passed()).isEqualTo(5);
    assertThat(last.files()).extracting(FileResult::file, FileResult::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("a.json", Outcome.PASSED),
        org.assertj.core.groups.Tuple.tuple("long.json", Outcome.PASSED),
        org.assertj.core.groups.Tuple.tuple("c.json", Outcome.PASSED),
        org.assertj.core.groups.Tuple.tuple("d.json", Outcome.PASSED),
        org.assertj.core.groups.Tuple.tuple("b.json", Outcome.PASSED));
    assertThat(warnings).isEmpty();
  }

  @Test
  void aShardToldDoneBeforeAnyBatchRunsNothing() {
    String pod = createPod("late-shard-3-x7k2p");
    assign(pod, Assignment.none().finished().toJson());

    assertThat(start(pod, Duration.ofSeconds(5)).join()).isEmpty();
    assertThat(results(pod).files()).isEmpty();
  }

  @Test
  void anAssignmentThatIsNoneEndsTheShardNamingThePodAndWhatIsWrong() {
    String pod = createPod("bad-shard-0-x7k2p");
    assign(pod, "{\"version\": 1, \"batches\": \"all\", \"done\": false}");

    assertThat(failure(start(pod, Duration.ofSeconds(5)))).hasMessage("pod qa/bad-shard-0-x7k2p annotation shardrun.io/assignment:"
        + " not a Shardrun assignment: batches: expected a list, found 'all'");
  }

  @Test
  void aBatchNamingAUnitThePlanDoesNotHaveEndsTheShard() {
    String pod = createPod("other-shard-0-x7k2p");
    assign(pod, Assignment.none().plus(List.of(1, 7)).toJson());

    assertThat(failure(start(pod, Duration.ofSeconds(5)))).hasMessage("pod qa/other-shard-0-x7k2p: shardrun.io/assignment batch 1"
        + " names work unit 7, which the plan does not have; plan and assignment do not match");
  }

  @Test
  void noBatchWithinTheWaitEndsTheShardPointingAtTheOperator() {
    String pod = createPod("idle-shard-0-x7k2p");

    assertThat(failure(start(pod, Duration.ofSeconds(1)))).hasMessage("pod qa/idle-shard-0-x7k2p was given no batch 1 within 1 s:"
        + " its shardrun.io/assignment annotation holds no batch and does not say done; the operator hands out the batches:"
        + " check that it is running");
  }

  /**
   * Runs the shard of {@code pod} on another thread, wired as {@code shardrun execute} does: its
   * first document published at once, progress every 2 s, the assignment read every 50 ms.
   */
  CompletableFuture<List<FileRun>> start(String pod, Duration assignmentWait) {
    PodAnnotationPublisher ownPod = new PodAnnotationPublisher(client, NAMESPACE, pod);
    Instant started = Instant.now();
    RunLimits limits = new RunLimits(Duration.ofSeconds(1), Duration.ofSeconds(30), null, started);
    return CompletableFuture.supplyAsync(() -> {
      try (DebouncedPublisher publisher = new DebouncedPublisher(ownPod, Duration.ofSeconds(2), warnings::add)) {
        ShardProgress progress = ShardProgress.dynamic(0, started, publisher);
        ownPod.publish(progress.document(ShardState.RUNNING));
        ShardRunner runner = new ShardRunner(SUITE, new FileRunner(NO_BROWSER, Map.of(), limits, out, WATCHDOG), limits, Variants.NONE, FailFast.off(), progress::finished);
        AssignmentWait assignments = new AssignmentWait(new PodAssignmentReader(new OwnPodAnnotations(client, NAMESPACE, pod)), Duration.ofMillis(50),
            assignmentWait, warnings::add);
        List<FileRun> runs = new DynamicShard(UNITS, runner, assignments, progress).run(0);
        publisher.finish(progress.document(ShardState.DONE));
        return runs;
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  static Throwable failure(CompletableFuture<?> shard) {
    try {
      shard.join();
      throw new AssertionError("the shard ended without an error");
    } catch (CompletionException e) {
      assertThat(e.getCause()).isInstanceOf(AssignmentException.class);
      return e.getCause();
    }
  }

  static String createPod(String name) {
    client.pods().inNamespace(NAMESPACE).resource(new PodBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE)
        .endMetadata().build()).create();
    return name;
  }

  /** Writes the pod's assignment, as the operator does. */
  static void assign(String pod, String json) {
    client.pods().inNamespace(NAMESPACE).withName(pod).edit(p -> new PodBuilder(p).editMetadata()
        .addToAnnotations(Assignment.ANNOTATION, json).endMetadata().build());
  }

  /** The shard's current results document, or null before its first. */
  static ResultsDocument results(String pod) {
    Map<String, String> annotations = client.pods().inNamespace(NAMESPACE).withName(pod).get().getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(ResultsCodec.ANNOTATION);
    return value == null ? null : ResultsCodec.decode(value, List.of(), "pod " + pod);
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SuiteFile file(String path, String json) {
    return new SuiteFile(path, SuiteKeys.encode(path), json);
  }
}
