package io.shardrun.operator;

import io.shardrun.core.plan.Plan;
import io.shardrun.operator.decide.Published;
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
 */
record RunFacts(Plan plan, Set<String> flaky, Function<String, List<String>> tagsOf, Map<Integer, Published> kept) {
  RunFacts {
    kept = new ConcurrentHashMap<>(kept);
  }
}
