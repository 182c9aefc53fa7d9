package io.shardrun.executor.local;

import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.PlannedFile;
import io.shardrun.core.plan.PlannedShard;
import io.shardrun.core.plan.WorkQueue;
import io.shardrun.core.plan.WorkUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Where a local run's workers take their files from: each shard's part of a static plan, taken
 * once, or the batches of a dynamic run's queue, taken until it is empty, so a worker that is
 * done early takes more.
 */
public interface LocalWork {
  /** The shards that get a worker. */
  List<Integer> shards();

  /** The files the worker of {@code shard} runs next, in run order; empty once it has no more. */
  List<String> next(int shard);

  /** A static plan: each shard's files, once. */
  static LocalWork planned(Plan plan) {
    Set<Integer> taken = ConcurrentHashMap.newKeySet();
    return new LocalWork() {
      @Override
      public List<Integer> shards() {
        return plan.jobShards().stream().map(PlannedShard::index).toList();
      }

      @Override
      public List<String> next(int shard) {
        return taken.add(shard) ? plan.shards().get(shard).paths() : List.of();
      }
    };
  }

  /** A dynamic run: {@code shards} workers taking the queue's batches. */
  static LocalWork queued(WorkQueue queue, int shards) {
    return new LocalWork() {
      @Override
      public List<Integer> shards() {
        return IntStream.range(0, shards).boxed().toList();
      }

      @Override
      public List<String> next(int shard) {
        return queue.next().stream().map(WorkUnit::files).flatMap(List::stream).map(PlannedFile::path).toList();
      }
    };
  }
}
