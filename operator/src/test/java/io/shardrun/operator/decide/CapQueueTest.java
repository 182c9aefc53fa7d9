package io.shardrun.operator.decide;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.shardrun.core.render.Labels;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.crd.v1alpha1.TestRunSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Runs take the operator's cap in order of creation; a slot counts from its release, before the cache shows it. */
class CapQueueTest {
  static TestRun run(String namespace, String name, String created, int shards) {
    TestRun run = new TestRun();
    run.getMetadata().setNamespace(namespace);
    run.getMetadata().setName(name);
    run.getMetadata().setCreationTimestamp(created);
    run.setSpec(new TestRunSpec());
    run.getSpec().setShards(shards);
    return run;
  }

  static Job job(TestRun run, int shard, boolean suspended) {
    return new JobBuilder().withNewMetadata().withNamespace(run.getMetadata().getNamespace())
        .withName(run.getMetadata().getName() + "-shard-" + shard).withUid(run.getMetadata().getName() + "-" + shard)
        .addToLabels(Labels.TESTRUN, run.getMetadata().getName()).addToLabels(Labels.SHARD, Integer.toString(shard)).endMetadata()
        .withNewSpec().withSuspend(suspended).endSpec().build();
  }

  static List<Job> jobs(TestRun run, int running, int suspended) {
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < running + suspended; i++) {
      jobs.add(job(run, i, i >= running));
    }
    return jobs;
  }

  final TestRun first = run("qa", "first", "2026-12-03T10:00:00Z", 3);
  final TestRun second = run("qa", "second", "2026-12-03T10:00:05Z", 2);
  final TestRun third = run("qa", "third", "2026-12-03T10:00:09Z", 2);

  @Test
  void aLaterRunWaitsWhileAnEarlierOneStillWantsTheRoom() {
    List<Job> jobs = new ArrayList<>(jobs(first, 2, 1));
    jobs.addAll(jobs(second, 0, 2));
    ShardCap cap = new ShardCap(4, null);

    assertThat(CapQueue.of(cap, first, jobs, List.of(first, second), Set.of())).isEqualTo(new CapQueue.Room(1, null));
    CapQueue.Room second = CapQueue.of(cap, this.second, jobs, List.of(first, this.second), Set.of());
    assertThat(second.shards()).as("4 - 2 running - 1 the first run still wants").isEqualTo(1);
    assertThat(second.why()).isEqualTo("waiting under the operator's cap of 4 running shards per namespace: 2 run in qa,"
        + " and 1 earlier run waits to start 1 more");
  }

  @Test
  void anEarlierRunWhoseJobsAreNotMadeYetStillComesFirst() {
    List<Job> jobs = jobs(second, 0, 2);
    assertThat(CapQueue.of(new ShardCap(3, null), second, jobs, List.of(first, second), Set.of()).shards())
        .as("the first run's three shards come before").isZero();
  }

  @Test
  void anEarlierRunsJobsTheCacheDoesNotShowYetStillComeFirst() {
    first.setStatus(new io.shardrun.crd.v1alpha1.TestRunStatus());
    first.getStatus().setShards(new ArrayList<>(List.of(new io.shardrun.crd.v1alpha1.ShardStatus(), new io.shardrun.crd.v1alpha1.ShardStatus())));
    List<Job> jobs = new ArrayList<>(List.of(job(first, 0, false)));
    jobs.addAll(jobs(second, 0, 2));
    assertThat(CapQueue.of(new ShardCap(2, null), second, jobs, List.of(first, second), Set.of()).shards())
        .as("the first run's second Job is planned, not seen yet").isZero();
  }

  @Test
  void aReleaseCountsBeforeTheCacheShowsIt() {
    List<Job> jobs = new ArrayList<>(jobs(first, 0, 3));
    jobs.addAll(jobs(third, 0, 2));
    Set<String> released = Set.of("first-0", "first-1", "first-2");
    assertThat(CapQueue.of(new ShardCap(4, null), third, jobs, List.of(first, third), released).shards()).isEqualTo(1);
  }

  @Test
  void theClusterCapCountsEveryNamespaceAndTheTighterCapSaysWhy() {
    TestRun elsewhere = run("other", "elsewhere", "2026-12-03T09:00:00Z", 2);
    List<Job> jobs = new ArrayList<>(jobs(elsewhere, 2, 0));
    jobs.addAll(jobs(first, 0, 3));
    CapQueue.Room room = CapQueue.of(new ShardCap(10, 3), first, jobs, List.of(elsewhere, first), Set.of());
    assertThat(room).isEqualTo(new CapQueue.Room(1, "waiting under the operator's cap of 3 running shards in the cluster: 2 run"));
  }

  @Test
  void finishedRunsAndEndedOrRetiredJobsHoldNoSlot() {
    first.setStatus(new io.shardrun.crd.v1alpha1.TestRunStatus());
    first.getStatus().setPhase(io.shardrun.crd.v1alpha1.Phase.Succeeded);
    Job ended = new JobBuilder(job(first, 0, false)).withNewStatus().addNewCondition().withType("Complete").withStatus("True")
        .endCondition().endStatus().build();
    List<Job> jobs = new ArrayList<>(List.of(ended));
    jobs.addAll(jobs(second, 0, 2));
    assertThat(CapQueue.of(new ShardCap(2, null), second, jobs, List.of(first, second), Set.of())).isEqualTo(new CapQueue.Room(2, null));
  }
}
