package io.shardrun.operator;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.operator.decide.CapQueue;
import io.shardrun.operator.decide.ShardCap;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The operator's cap on running shards across runs. Reconciles of different TestRuns run in
 * parallel, so under a cap they take turns: each decides on its room and releases its Jobs while
 * no other does, and a release this operator made counts at once, before the informer shows it.
 * Also counts the shard Jobs running, and the most at once since the operator started
 * ({@code shardrun_running_shards}, {@code shardrun_running_shards_peak}).
 */
final class ShardSlots {
  private final ShardCap cap;
  private final Set<String> releasedUnseen = new HashSet<>();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();

  ShardSlots(ShardCap cap, MeterRegistry metrics) {
    this.cap = cap;
    Gauge.builder("shardrun.running.shards", running, AtomicInteger::get)
        .description("Shard Jobs of TestRuns released and not ended").register(metrics);
    Gauge.builder("shardrun.running.shards.peak", peak, AtomicInteger::get)
        .description("The most shard Jobs running at once since the operator started").register(metrics);
  }

  /** Runs one reconcile: under a cap, while no other does. */
  <T> T inTurn(java.util.function.Supplier<T> reconcile) {
    if (!cap.on()) {
      return reconcile.get();
    }
    synchronized (this) {
      return reconcile.get();
    }
  }

  /** The run's room under the cap, from every shard Job and TestRun the operator sees; null without a cap. */
  synchronized CapQueue.Room room(TestRun run, Collection<Job> jobs, Collection<TestRun> runs) {
    Map<String, Job> byUid = jobs.stream().collect(Collectors.toMap(j -> j.getMetadata().getUid(), Function.identity(), (a, b) -> b));
    releasedUnseen.removeIf(uid -> !byUid.containsKey(uid) || !Boolean.TRUE.equals(byUid.get(uid).getSpec().getSuspend()));
    int now = (int) jobs.stream().filter(j -> CapQueue.running(j, releasedUnseen)).count();
    running.set(now);
    peak.accumulateAndGet(now, Math::max);
    return cap.on() ? CapQueue.of(cap, run, jobs, runs, releasedUnseen) : null;
  }

  /** A Job this operator just released: it holds a slot from now on. */
  synchronized void released(Job job) {
    releasedUnseen.add(job.getMetadata().getUid());
  }
}
