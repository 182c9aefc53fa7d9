package io.shardrun.operator.decide;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.shardrun.core.render.Labels;
import io.shardrun.crd.v1alpha1.TestRun;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How many of a run's waiting shard Jobs the operator's cap lets start now. Runs take their turn
 * in order of creation: a run's room is what the cap leaves after the Jobs running and the Jobs
 * that earlier runs still wait to start (each as many as its spec.parallelism lets start).
 */
public final class CapQueue {
  private static final Comparator<TestRun> CREATION = Comparator.comparing((TestRun r) -> r.getMetadata().getCreationTimestamp(),
      Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(r -> r.getMetadata().getNamespace())
      .thenComparing(r -> r.getMetadata().getName());

  private CapQueue() {}

  /**
   * @param shards how many of its Jobs may be released now
   * @param why while the cap holds some of its Jobs back, what the run waits for; else null
   */
  public record Room(int shards, String why) {}

  /**
   * @param jobs every shard Job the operator sees, of every run
   * @param runs every TestRun the operator sees
   * @param released the uids of Jobs released that {@code jobs} may still show suspended
   */
  public static Room of(ShardCap cap, TestRun run, Collection<Job> jobs, Collection<TestRun> runs, Set<String> released) {
    String namespace = run.getMetadata().getNamespace();
    List<TestRun> earlier = runs.stream().filter(r -> !finished(r) && CREATION.compare(r, run) < 0).toList();
    long runningHere = jobs.stream().filter(j -> running(j, released) && namespace.equals(j.getMetadata().getNamespace())).count();
    long runningAll = jobs.stream().filter(j -> running(j, released)).count();
    long aheadHere = earlier.stream().filter(r -> namespace.equals(r.getMetadata().getNamespace()))
        .mapToLong(r -> wanting(r, jobs, released)).sum();
    long aheadAll = earlier.stream().mapToLong(r -> wanting(r, jobs, released)).sum();
    long room = Long.MAX_VALUE;
    String why = null;
    long waiting = waitingOf(run, jobs, released).size();
    if (cap.perNamespace() != null) {
      room = cap.perNamespace() - runningHere - aheadHere;
      why = waiting > room ? because(cap.perNamespace() + " running shards per namespace", runningHere + " run in " + namespace, aheadHere,
          earlier.stream().filter(r -> namespace.equals(r.getMetadata().getNamespace()) && wanting(r, jobs, released) > 0).count()) : null;
    }
    if (cap.cluster() != null && cap.cluster() - runningAll - aheadAll < room) {
      room = cap.cluster() - runningAll - aheadAll;
      why = waiting > room ? because(cap.cluster() + " running shards in the cluster", runningAll + " run", aheadAll,
          earlier.stream().filter(r -> wanting(r, jobs, released) > 0).count()) : why;
    }
    return new Room((int) Math.max(0, Math.min(room, waiting)), why);
  }

  private static String because(String cap, String running, long ahead, long runsAhead) {
    return "waiting under the operator's cap of " + cap + ": " + running
        + (runsAhead == 0 ? "" : ", and " + runsAhead + (runsAhead == 1 ? " earlier run waits" : " earlier runs wait") + " to start " + ahead + " more");
  }

  /**
   * How many Jobs an earlier run waits to start: its waiting ones, as far as its spec.parallelism
   * lets them start; before its Jobs exist, its shards, unless it waits for something else (its
   * suite, the run it reruns).
   */
  private static long wanting(TestRun run, Collection<Job> jobs, Set<String> released) {
    List<Job> own = jobsOf(run, jobs).toList();
    var ready = Conditions.find(run.getStatus(), Conditions.READY);
    if (own.isEmpty() && ready != null && "False".equals(ready.getStatus())) {
      return 0; // it waits for its suite or the run it reruns, not for a slot
    }
    // Its Jobs the informer does not show yet wait too: one per shard of its status, or of its spec before it has one.
    long planned = run.getStatus() != null && !run.getStatus().getShards().isEmpty() ? run.getStatus().getShards().size()
        : run.getSpec().getShards();
    long waiting = Math.max(0, planned - own.stream().filter(j -> !waits(j, released)).count());
    Integer parallelism = run.getSpec().getParallelism();
    if (parallelism == null) {
      return waiting;
    }
    long running = jobsOf(run, jobs).filter(j -> running(j, released)).count();
    return Math.max(0, Math.min(waiting, parallelism - running));
  }

  private static List<Job> waitingOf(TestRun run, Collection<Job> jobs, Set<String> released) {
    return jobsOf(run, jobs).filter(j -> waits(j, released)).toList();
  }

  /** A Job held back: suspended, not released, retired or ended. */
  private static boolean waits(Job job, Set<String> released) {
    return JobState.suspended(job) && !released.contains(job.getMetadata().getUid()) && !JobState.retired(job) && !JobState.ended(job);
  }

  private static java.util.stream.Stream<Job> jobsOf(TestRun run, Collection<Job> jobs) {
    return jobs.stream().filter(j -> Objects.equals(j.getMetadata().getNamespace(), run.getMetadata().getNamespace())
        && j.getMetadata().getLabels() != null && run.getMetadata().getName().equals(j.getMetadata().getLabels().get(Labels.TESTRUN)));
  }

  /** A Job that holds a slot: released (or never suspended) and not ended. */
  public static boolean running(Job job, Set<String> released) {
    return (!JobState.suspended(job) || released.contains(job.getMetadata().getUid())) && !JobState.ended(job) && !JobState.retired(job);
  }

  private static boolean finished(TestRun run) {
    return run.getStatus() != null && run.getStatus().getPhase() != null && run.getStatus().getPhase().isFinal();
  }
}
