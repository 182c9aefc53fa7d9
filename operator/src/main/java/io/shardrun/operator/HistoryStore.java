package io.shardrun.operator;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.shardrun.core.history.HistoryMerge;
import io.shardrun.core.render.Labels;
import io.shardrun.core.results.FileResult;
import io.shardrun.crd.v1alpha1.TestRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.shardrun.core.history.History;
import io.shardrun.core.history.HistoryCodec;
import io.shardrun.core.render.Names;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A suite's run history in the cluster: ConfigMap {@code shardrun-history-<suite>}, key
 * history.json (the same document as a local .shardrun/history.json). The ConfigMap's annotation
 * {@value #RECORDED} lists the last runs merged into it, so a run is recorded exactly once, even
 * when the operator restarts between writing the history and writing the run's final status.
 */
final class HistoryStore {
  static final String KEY = "history.json";
  static final String RECORDED = "shardrun.io/recorded-runs";
  static final int REMEMBERED_RUNS = 50;
  private static final Logger LOG = LoggerFactory.getLogger(HistoryStore.class);

  private HistoryStore() {}

  static String configMapName(String suiteConfigMap) {
    return Names.fit("shardrun-history-" + suiteConfigMap, "");
  }

  /**
   * Merges a finished run's results into its suite's history, unless this run is already in it.
   * A concurrent writer makes the update fail with a conflict, and the reconcile is retried.
   */
  static void record(KubernetesClient client, TestRun run, List<FileResult> results, String at) {
    String namespace = run.getMetadata().getNamespace();
    String name = configMapName(run.getSpec().getSuite().getConfigMap());
    String uid = run.getMetadata().getUid();
    ConfigMap existing = client.configMaps().inNamespace(namespace).withName(name).get();
    List<String> recorded = existing == null ? List.of() : recorded(existing);
    if (recorded.contains(uid)) {
      return;
    }
    History before;
    try {
      before = readOrRefuse(existing);
    } catch (IllegalArgumentException e) {
      // Someone else's data, or a hand edit gone wrong: not ours to overwrite.
      LOG.warn("run {}/{} is not recorded in the history: {}; fix or delete the ConfigMap", namespace,
          run.getMetadata().getName(), e.getMessage());
      return;
    }
    History merged = HistoryMerge.merge(before, results, at, HistoryMerge.DEFAULT_KEEP_PER_FILE, HistoryMerge.CLUSTER_MAX_BYTES);
    List<String> runs = new ArrayList<>(recorded);
    runs.add(uid);
    String marker = String.join(",", runs.subList(Math.max(0, runs.size() - REMEMBERED_RUNS), runs.size()));
    ConfigMap next = new ConfigMapBuilder(existing == null ? new ConfigMap() : existing)
        .editOrNewMetadata().withName(name).withNamespace(namespace).addToLabels(Labels.forSuite())
        .addToAnnotations(RECORDED, marker).endMetadata()
        .addToData(KEY, HistoryCodec.write(merged))
        .build();
    if (existing == null) {
      client.resource(next).create();
    } else {
      client.resource(next).update(); // carries the resourceVersion read above: a conflict is a retry
    }
  }

  private static List<String> recorded(ConfigMap map) {
    Map<String, String> annotations = map.getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(RECORDED);
    return value == null || value.isBlank() ? List.of() : List.of(value.split(","));
  }

  /** The history, or an empty one when there is none or it cannot be read (planning goes on by step counts). */
  static History read(ConfigMap map) {
    try {
      return readOrRefuse(map);
    } catch (IllegalArgumentException e) {
      LOG.warn("ignoring an unreadable history: {}", e.getMessage());
      return History.empty();
    }
  }

  /**
   * The history, or an empty one when there is none.
   *
   * @throws IllegalArgumentException naming the ConfigMap when what it holds is no history
   */
  private static History readOrRefuse(ConfigMap map) {
    if (map == null || map.getData() == null || map.getData().get(KEY) == null) {
      return History.empty();
    }
    return HistoryCodec.read(map.getData().get(KEY), "ConfigMap " + map.getMetadata().getNamespace() + "/" + map.getMetadata().getName());
  }
}
