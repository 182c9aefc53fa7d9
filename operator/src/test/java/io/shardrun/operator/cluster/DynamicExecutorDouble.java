package io.shardrun.operator.cluster;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.shardrun.core.plan.Assignment;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.PlannedFile;
import io.shardrun.core.plan.WorkUnit;
import io.shardrun.core.results.FileResult;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.results.ResultsCodec;
import io.shardrun.core.results.ResultsDocument;
import io.shardrun.core.results.ShardCounts;
import io.shardrun.core.results.ShardState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plays a dynamic shard's executor on one pod, as the protocol has it: publish an ask
 * ({@code wants}), wait for the operator's assignment to hold that batch, run its files (every
 * file passes, in no time), ask again, until the assignment says done.
 */
public final class DynamicExecutorDouble {
  private final KubernetesClient client;
  private final JobControllerPlay play;
  private final Plan plan;
  private final int shard;
  private Pod pod;
  private final List<FileResult> finished = new ArrayList<>();
  private int wants;
  private final List<Integer> ran = new ArrayList<>();

  public DynamicExecutorDouble(KubernetesClient client, JobControllerPlay play, Plan plan, int shard, Pod pod) {
    this.client = client;
    this.play = play;
    this.plan = plan;
    this.shard = shard;
    this.pod = pod;
  }

  public Pod pod() {
    return pod;
  }

  /** Asks for the next batch and waits for it: its unit ids, or none when the queue is empty. */
  public List<Integer> nextBatch() {
    wants++;
    publish(ShardState.RUNNING);
    Assignment given = await().atMost(Duration.ofSeconds(30)).until(this::assignment,
        a -> a.batches().size() >= wants || a.done());
    return given.batches().size() >= wants ? given.batches().get(wants - 1) : List.of();
  }

  /** Runs every file of {@code unitIds}, all passing. */
  public void run(List<Integer> unitIds) {
    ran.addAll(unitIds);
    for (int id : unitIds) {
      WorkUnit unit = plan.units().get(id);
      for (PlannedFile file : unit.files()) {
        finished.add(new FileResult(file.path(), Outcome.PASSED, 100, List.of(), null, null));
      }
    }
    publish(ShardState.RUNNING);
  }

  /** Takes batches until none is left, then publishes its final document and exits 0. */
  public void runToTheEnd() throws InterruptedException {
    for (List<Integer> batch = nextBatch(); !batch.isEmpty(); batch = nextBatch()) {
      run(batch);
    }
    publish(ShardState.DONE);
    play.exit(pod, 0, null, Duration.ZERO);
  }

  /** The units it ran. */
  public List<Integer> ran() {
    return List.copyOf(ran);
  }

  private Assignment assignment() {
    Map<String, String> annotations = client.resource(pod).get().getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(Assignment.ANNOTATION);
    return value == null ? Assignment.none() : Assignment.read(value, "pod " + pod.getMetadata().getName());
  }

  private void publish(ShardState state) {
    ResultsDocument document = new ResultsDocument(shard, state, ShardCounts.tally(finished.size(), finished, 100L * finished.size()),
        finished, wants);
    pod = play.annotate(pod, Map.of(ResultsCodec.ANNOTATION, ResultsCodec.encode(document)));
  }
}
