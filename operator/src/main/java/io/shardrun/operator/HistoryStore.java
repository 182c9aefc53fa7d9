package io.shardrun.operator;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.shardrun.core.history.History;
import io.shardrun.core.history.HistoryCodec;
import io.shardrun.core.render.Names;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A suite's run history in the cluster: ConfigMap {@code shardrun-history-<suite>}, key history.json. */
final class HistoryStore {
  static final String KEY = "history.json";
  private static final Logger LOG = LoggerFactory.getLogger(HistoryStore.class);

  private HistoryStore() {}

  static String configMapName(String suiteConfigMap) {
    return Names.fit("shardrun-history-" + suiteConfigMap, "");
  }

  /** The history, or an empty one when there is none or it cannot be read (planning goes on by step counts). */
  static History read(ConfigMap map) {
    if (map == null || map.getData() == null || map.getData().get(KEY) == null) {
      return History.empty();
    }
    try {
      return HistoryCodec.read(map.getData().get(KEY), "ConfigMap " + map.getMetadata().getName());
    } catch (IllegalArgumentException e) {
      LOG.warn("ignoring an unreadable history: {}", e.getMessage());
      return History.empty();
    }
  }
}
