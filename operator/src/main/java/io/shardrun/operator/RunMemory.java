package io.shardrun.operator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The facts of the runs in progress, by TestRun UID. A run is forgotten when it finishes; the
 * least recently used are forgotten first when more than {@value #MAX_RUNS} are remembered (a run
 * deleted before it finished), and read again if they come back.
 */
final class RunMemory {
  static final int MAX_RUNS = 1024;

  private final Map<String, RunFacts> runs = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, RunFacts> eldest) {
      return size() > MAX_RUNS;
    }
  };

  synchronized RunFacts get(String uid) {
    return runs.get(uid);
  }

  synchronized void remember(String uid, RunFacts facts) {
    runs.put(uid, facts);
  }

  synchronized void forget(String uid) {
    runs.remove(uid);
  }
}
