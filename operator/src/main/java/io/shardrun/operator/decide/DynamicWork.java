package io.shardrun.operator.decide;

import io.shardrun.core.plan.Assignment;
import io.shardrun.core.plan.BatchPolicy;
import io.shardrun.core.plan.PlannedFile;
import io.shardrun.core.plan.WorkQueue;
import io.shardrun.core.plan.WorkUnit;
import io.shardrun.core.results.FileResult;
import io.shardrun.core.results.ResultsDocument;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who gets which work next in a dynamic run, decided from what the pods show alone (each pod's
 * assignment as the operator last wrote it, when its cache does not show that yet), so that a
 * restarted operator decides the same. A unit is handed out while a pod that is not terminal holds it, or once one pod has
 * finished all its files; a unit of a pod that is gone or ended before finishing it goes back to
 * the queue and runs again, whole, elsewhere. So a pod that ended counts only the units it
 * completed: a file it finished in a unit that runs again counts once, from the rerun.
 */
public final class DynamicWork {
  private DynamicWork() {}

  /**
   * One shard pod of the run as observed.
   *
   * @param name the pod's name
   * @param resourceVersion the version observed, which an assignment's write must match
   * @param terminal the pod has ended (Succeeded or Failed): it takes no more work
   * @param assignment what it was given; {@link Assignment#none()} before anything
   * @param wants how many batches it asks to have been given (its results document); 0 before it asked
   * @param finished the files its results document lists as finished
   */
  public record PodView(String name, String resourceVersion, boolean terminal, Assignment assignment, int wants,
      Set<String> finished) {
    /** It has neither asked for work nor been given any: its executor is not up yet. */
    boolean idle() {
      return wants == 0 && assignment.batches().isEmpty() && !assignment.done();
    }

    /** The units of its assignment it has finished every file of. */
    Set<Integer> completed(Map<Integer, WorkUnit> units) {
      return assignment.batches().stream().flatMap(List::stream)
          .filter(id -> units.get(id).files().stream().map(PlannedFile::path).allMatch(finished::contains))
          .collect(Collectors.toSet());
    }
  }

  /**
   * A batch, or the news that none will follow, for one pod.
   *
   * @param assignment the pod's whole assignment after it
   */
  public record Grant(String pod, String resourceVersion, Assignment assignment) {}

  /**
   * The grants for every pod that asks for more than it was given.
   *
   * @param units the plan's units, in queue order
   * @param shards how many shards share the queue
   */
  public static List<Grant> grants(List<WorkUnit> units, Collection<PodView> pods, int shards, BatchPolicy policy) {
    WorkQueue queue = new WorkQueue(units, handedOut(units, pods), shards, policy);
    List<Grant> grants = new ArrayList<>();
    for (PodView pod : pods) {
      if (pod.terminal() || pod.assignment().done() || pod.wants() <= pod.assignment().batches().size()) {
        continue;
      }
      List<WorkUnit> batch = queue.next();
      Assignment next = batch.isEmpty() ? pod.assignment().finished()
          : pod.assignment().plus(batch.stream().map(WorkUnit::id).toList());
      grants.add(new Grant(pod.name(), pod.resourceVersion(), next));
    }
    return grants;
  }

  /**
   * The shards to retire unused: once every unit is completed, those whose pods (if any) are all
   * idle. A late pod then need not start for the run to end.
   *
   * @param shardPods each shard's pods, by shard index
   */
  public static List<Integer> idleShards(List<WorkUnit> units, Map<Integer, List<PodView>> shardPods) {
    Map<Integer, WorkUnit> byId = byId(units);
    Set<Integer> completed = shardPods.values().stream().flatMap(List::stream).flatMap(p -> p.completed(byId).stream())
        .collect(Collectors.toSet());
    if (!completed.containsAll(byId.keySet())) {
      return List.of();
    }
    return shardPods.entrySet().stream().filter(e -> e.getValue().stream().allMatch(PodView::idle)).map(Map.Entry::getKey).toList();
  }

  /** Units held by a pod that still runs, or completed by a pod. */
  static Set<Integer> handedOut(List<WorkUnit> units, Collection<PodView> pods) {
    Map<Integer, WorkUnit> byId = byId(units);
    Set<Integer> out = new HashSet<>();
    for (PodView pod : pods) {
      if (pod.terminal()) {
        out.addAll(pod.completed(byId));
      } else {
        pod.assignment().batches().forEach(out::addAll);
      }
    }
    return out;
  }

  /** The files a pod's results count: all it finished while it runs; once it ended, those of the units it completed. */
  public static Set<String> counted(List<WorkUnit> units, PodView pod) {
    if (!pod.terminal()) {
      return pod.finished();
    }
    Map<Integer, WorkUnit> byId = byId(units);
    return pod.completed(byId).stream().flatMap(id -> byId.get(id).files().stream().map(PlannedFile::path))
        .collect(Collectors.toSet());
  }

  /** A shard pod as this decides on it. */
  public static PodView view(ShardPod pod) {
    Published published = pod.published();
    ResultsDocument document = published == null ? null : published.document();
    return new PodView(pod.pod().getMetadata().getName(), pod.pod().getMetadata().getResourceVersion(), pod.terminal(),
        pod.assignment() == null ? Assignment.none() : pod.assignment(), document == null ? 0 : document.wants(),
        document == null ? Set.of() : document.files().stream().map(FileResult::file).collect(Collectors.toSet()));
  }

  private static Map<Integer, WorkUnit> byId(List<WorkUnit> units) {
    return units.stream().collect(Collectors.toMap(WorkUnit::id, Function.identity()));
  }

  /**
   * The files that run again because a pod ended while it held them unfinished, each with how many
   * times it is started: once per such pod, and once more for the run that finishes it.
   */
  public static Map<String, Integer> retried(List<WorkUnit> units, Collection<PodView> pods) {
    Map<Integer, WorkUnit> byId = byId(units);
    Map<String, Integer> attempts = new TreeMap<>();
    for (PodView pod : pods) {
      if (pod.terminal()) {
        Set<Integer> completed = pod.completed(byId);
        pod.assignment().batches().stream().flatMap(List::stream).distinct().filter(id -> !completed.contains(id))
            .flatMap(id -> byId.get(id).files().stream()).forEach(f -> attempts.merge(f.path(), 2, (a, b) -> a + 1));
      }
    }
    return attempts;
  }
}
