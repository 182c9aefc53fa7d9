package io.shardrun.cli;

import io.fabric8.kubernetes.api.model.Pod;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.PlannedShard;
import io.shardrun.core.render.Labels;
import io.shardrun.core.results.FileResult;
import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.ResultsCodec;
import io.shardrun.core.results.RunRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The file results a run's shard pods have published so far, each told once, for the progress
 * lines of a followed run. A document in the compact form names files by their place in the
 * shard's plan, so without the plan (or for a dynamic shard) it is passed over: the final results
 * come from the run's record, not from here.
 */
final class LiveResults {
  private final Set<String> told = new HashSet<>();

  /** The results in {@code pods} not told before. */
  List<FileRun> fresh(List<Pod> pods, Plan plan) {
    List<FileRun> fresh = new ArrayList<>();
    for (Pod pod : pods) {
      Map<String, String> annotations = pod.getMetadata().getAnnotations();
      String value = annotations == null ? null : annotations.get(ResultsCodec.ANNOTATION);
      String shardLabel = pod.getMetadata().getLabels() == null ? null : pod.getMetadata().getLabels().get(Labels.SHARD);
      if (value == null || shardLabel == null || !shardLabel.matches("\\d{1,6}")) {
        continue;
      }
      int shard = Integer.parseInt(shardLabel);
      List<FileResult> results;
      try {
        results = ResultsCodec.decode(value, shardFiles(plan, shard), "pod " + pod.getMetadata().getName()).files();
      } catch (IllegalArgumentException e) {
        continue; // unreadable to a follower: the operator reports it in the run's status
      }
      for (FileResult result : results) {
        if (told.add(shard + "/" + result.file())) {
          fresh.add(RunRecord.Entry.of(shard, result).toFileRun());
        }
      }
    }
    return fresh;
  }

  private static List<String> shardFiles(Plan plan, int shard) {
    if (plan == null) {
      return List.of();
    }
    return plan.shards().stream().filter(s -> s.index() == shard).findFirst().map(PlannedShard::paths).orElse(List.of());
  }
}
