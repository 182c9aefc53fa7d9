package io.shardrun.operator;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.shardrun.core.plan.Assignment;
import io.shardrun.core.plan.PlannedFile;
import io.shardrun.core.plan.WorkUnit;
import io.shardrun.core.results.FileResult;
import io.shardrun.core.results.ResultsCodec;
import io.shardrun.core.results.ResultsDocument;
import io.shardrun.core.results.ShardCounts;
import io.shardrun.operator.decide.DynamicWork;
import io.shardrun.operator.decide.Published;
import io.shardrun.operator.decide.ShardObservation;
import io.shardrun.operator.decide.ShardPod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Observes one shard of a dynamic run: each pod's assignment (the cache's, or the one this
 * operator wrote when the cache does not show it yet), what it published read against the files
 * it was given, and the shard's results merged over its pods, so that units an ended pod
 * completed still count after its replacement takes over.
 */
final class DynamicShards {
  private DynamicShards() {}

  static ShardObservation observe(int index, Job job, List<Pod> pods, RunFacts facts) {
    Map<Integer, WorkUnit> units = facts.plan().units().stream().collect(Collectors.toMap(WorkUnit::id, Function.identity()));
    List<ShardPod> shardPods = new ArrayList<>();
    Set<String> files = new LinkedHashSet<>();
    for (Pod pod : pods) {
      Assignment assignment = assignment(pod, facts);
      List<String> given = files(assignment, units);
      files.addAll(given);
      shardPods.add(new ShardPod(pod, RunObserver.published(pod, given, facts.tagsOf()), assignment));
    }
    return new ShardObservation(index, List.copyOf(files), job, merged(index, shardPods, facts.plan().units()),
        facts.kept().get(index));
  }

  /** The newer of the cache's assignment and the one this operator wrote; forgets its own once the cache shows it. */
  private static Assignment assignment(Pod pod, RunFacts facts) {
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(Assignment.ANNOTATION);
    Assignment cached;
    try {
      cached = value == null ? Assignment.none() : Assignment.read(value, "pod " + pod.getMetadata().getName());
    } catch (IllegalArgumentException e) {
      cached = Assignment.none(); // only the operator writes it; the next grant writes it whole again
    }
    String name = pod.getMetadata().getName();
    Assignment written = facts.written().get(name);
    if (written == null) {
      return cached;
    }
    if (cached.batches().size() >= written.batches().size() && cached.done() == written.done()) {
      facts.written().remove(name, written);
      return cached;
    }
    return written;
  }

  private static List<String> files(Assignment assignment, Map<Integer, WorkUnit> units) {
    return assignment.batches().stream().flatMap(List::stream).map(units::get)
        .flatMap(u -> u.files().stream().map(PlannedFile::path)).toList();
  }

  /**
   * The pods with the newest one's results widened to every file the shard counts (all the newest
   * pod finished, and the units each earlier pod completed), in the full form, which reads without
   * the pods' assignments: that is what is kept once the shard is done.
   */
  private static List<ShardPod> merged(int index, List<ShardPod> pods, List<WorkUnit> units) {
    if (pods.isEmpty() || pods.get(pods.size() - 1).published() == null || pods.get(pods.size() - 1).published().document() == null) {
      return pods;
    }
    ShardPod newest = pods.get(pods.size() - 1);
    Map<String, FileResult> files = new LinkedHashMap<>();
    long durationMs = 0;
    for (ShardPod pod : pods) {
      if (pod.published() == null || pod.published().document() == null) {
        continue;
      }
      Set<String> counted = DynamicWork.counted(units, DynamicWork.view(pod));
      pod.published().files().stream().filter(f -> counted.contains(f.file())).forEach(f -> files.put(f.file(), f));
      durationMs += pod.published().document().counts().durationMs();
    }
    ResultsDocument last = newest.published().document();
    List<FileResult> all = List.copyOf(files.values());
    ResultsDocument document = new ResultsDocument(index, last.state(), ShardCounts.tally(all.size(), all, durationMs), all, last.wants());
    List<ShardPod> widened = new ArrayList<>(pods.subList(0, pods.size() - 1));
    widened.add(new ShardPod(newest.pod(), new Published(ResultsCodec.encodeFull(document), document, null), newest.assignment()));
    return widened;
  }
}
