package io.shardrun.executor.run;

import io.shardrun.core.plan.Assignment;
import io.shardrun.core.plan.NextBatch;
import io.shardrun.core.plan.PlannedFile;
import io.shardrun.core.plan.WorkUnit;
import io.shardrun.core.results.FileRun;
import io.shardrun.executor.assignment.AssignmentException;
import io.shardrun.executor.assignment.AssignmentWait;
import io.shardrun.executor.publish.ShardProgress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs one shard of a dynamic run: the batches of work units its assignment hands it, in order,
 * until the assignment says no more will come. It asks for the next batch {@link NextBatch} after
 * the last unit of the current one starts, or as that unit ends if sooner, so the next batch is
 * there when this one ends. Each unit runs on its own: a depends_on group or the serial files
 * travel whole.
 */
public final class DynamicShard {
  private final Map<Integer, WorkUnit> units;
  private final ShardRunner runner;
  private final AssignmentWait assignments;
  private final ShardProgress progress;

  /** @param units the plan's work units */
  public DynamicShard(List<WorkUnit> units, ShardRunner runner, AssignmentWait assignments, ShardProgress progress) {
    this.units = units.stream().collect(Collectors.toMap(WorkUnit::id, Function.identity()));
    this.runner = runner;
    this.assignments = assignments;
    this.progress = progress;
  }

  /**
   * Runs every batch it is given and returns the runs of their files in run order.
   *
   * @throws AssignmentException when the assignment cannot be read, does not fit the plan, or
   *     the next batch does not come in time
   */
  public List<FileRun> run(int shard) throws InterruptedException {
    ScheduledExecutorService asks = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "shardrun-next-batch");
      t.setDaemon(true);
      return t;
    });
    try {
      List<FileRun> runs = new ArrayList<>();
      Map<Integer, Integer> batchOfUnit = new HashMap<>();
      int ran = 0;
      for (Assignment given = assignments.until(1); given.batches().size() > ran; given = assignments.until(ran + 1)) {
        List<WorkUnit> batch = batch(given, ran, batchOfUnit);
        ran++;
        progress.given(batch.stream().mapToInt(u -> u.files().size()).sum());
        // No ask when the next batch is known already, or none will come.
        int next = given.done() || given.batches().size() > ran ? 0 : ran + 1;
        runs.addAll(runBatch(shard, batch, next, asks));
      }
      return runs;
    } finally {
      asks.shutdownNow();
    }
  }

  /** The units of batch {@code index} (0-based), checked against the plan and the batches before it. */
  private List<WorkUnit> batch(Assignment given, int index, Map<Integer, Integer> batchOfUnit) {
    List<Integer> ids = given.batches().get(index);
    String where = assignments.source() + ": " + Assignment.ANNOTATION + " batch " + (index + 1);
    if (ids.isEmpty()) {
      throw new AssignmentException(where + " is empty");
    }
    List<WorkUnit> batch = new ArrayList<>();
    for (int id : ids) {
      WorkUnit unit = units.get(id);
      if (unit == null) {
        throw new AssignmentException(where + " names work unit " + id + ", which the plan does not have; plan and assignment do not match");
      }
      Integer earlier = batchOfUnit.putIfAbsent(id, index + 1);
      if (earlier != null) {
        throw new AssignmentException(where + " names work unit " + id + ", which batch " + earlier + " gave already");
      }
      batch.add(unit);
    }
    return batch;
  }

  /** Runs the batch's units in order; asks for batch {@code next} on the last unit, unless it is 0. */
  private List<FileRun> runBatch(int shard, List<WorkUnit> batch, int next, ScheduledExecutorService asks) {
    List<FileRun> runs = new ArrayList<>();
    WorkUnit last = batch.get(batch.size() - 1);
    for (WorkUnit unit : batch.subList(0, batch.size() - 1)) {
      runs.addAll(runner.run(shard, paths(unit)));
    }
    ScheduledFuture<?> ask = next == 0 ? null
        : asks.schedule(() -> progress.ask(next), NextBatch.askDelayMs(last), TimeUnit.MILLISECONDS);
    runs.addAll(runner.run(shard, paths(last)));
    if (ask != null && ask.cancel(false)) {
      progress.ask(next); // the unit ended before its estimate said to ask
    }
    return runs;
  }

  private static List<String> paths(WorkUnit unit) {
    return unit.files().stream().map(PlannedFile::path).toList();
  }
}
