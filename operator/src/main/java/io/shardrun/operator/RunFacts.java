package io.shardrun.operator;

import io.shardrun.core.plan.Plan;
import io.shardrun.operator.decide.Published;
import io.shardrun.core.plan.Assignment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the operator reads of a run once, not on every reconcile (each shard's publish, every 2 s,
 * brings one): its plan, decoded; the flaky files of its suite's history; its files' tags; and
 * the results it has kept, updated as it keeps more.
 *
 * @param tagsOf a file's meta.tags, for results in the compact form; reads the suite on first use
 * @param written a dynamic run's assignments this operator wrote, by pod, until the cache shows them
 */
record RunFacts(Plan plan, Set<String> flaky, Function<String, List<String>> tagsOf, Map<Integer, Published> kept,
    Map<String, Assignment> written) {
  RunFacts {
    kept = new ConcurrentHashMap<>(kept);
    written = new ConcurrentHashMap<>(written);
  }

  RunFacts(Plan plan, Set<String> flaky, Function<String, List<String>> tagsOf, Map<Integer, Published> kept) {
    this(plan, flaky, tagsOf, kept, Map.of());
  }
}
