package io.shardrun.operator;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.plan.PlannedShard;
import io.shardrun.core.render.JobRenderer;
import io.shardrun.core.results.FileResult;
import io.shardrun.core.results.ResultsCodec;
import io.shardrun.core.results.ResultsDocument;
import io.shardrun.operator.decide.Published;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Results documents as a shard published them: read from a pod's annotation or from ConfigMap
 * {@code NAME-results}, where the operator keeps each shard's final document (key
 * {@code shard-I}) so that it outlives the pod.
 */
final class KeptResults {
  private KeptResults() {}

  /** The documents kept in {@code map} (null: none), by shard index. */
  static Map<Integer, Published> read(ConfigMap map, Plan plan, Function<String, List<String>> tagsOf) {
    Map<Integer, Published> kept = new HashMap<>();
    if (map == null || map.getData() == null) {
      return kept;
    }
    for (PlannedShard shard : plan.shards()) {
      String value = map.getData().get(JobRenderer.resultsKey(shard.index()));
      if (value != null) {
        String source = "ConfigMap " + map.getMetadata().getName() + " key " + JobRenderer.resultsKey(shard.index());
        kept.put(shard.index(), decode(value, shard.paths(), source, tagsOf));
      }
    }
    return kept;
  }

  /**
   * What {@code value} says. A document in the compact form leaves the files' tags out; they are
   * looked up with {@code tagsOf}, only then.
   */
  static Published decode(String value, List<String> files, String source, Function<String, List<String>> tagsOf) {
    try {
      ResultsDocument document = ResultsCodec.decode(value, files, source);
      if (document.files().stream().anyMatch(f -> f.tags() == null)) {
        document = new ResultsDocument(document.shard(), document.state(), document.counts(), document.files().stream()
            .map(f -> f.tags() != null ? f : f.withTags(tagsOf.apply(f.file())))
            .toList());
      }
      return new Published(value, document, null);
    } catch (IllegalArgumentException e) {
      return new Published(value, null, "unreadable result annotation: " + e.getMessage());
    }
  }
}
