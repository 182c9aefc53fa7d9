package io.shardrun.operator.decide;

/**
 * The operator's cap on shard Jobs running at once across TestRuns (its flags
 * --max-running-shards-per-namespace and --max-running-shards, the chart's values of the same
 * meaning); null for no cap.
 */
public record ShardCap(Integer perNamespace, Integer cluster) {
  public static final ShardCap NONE = new ShardCap(null, null);

  public ShardCap {
    if ((perNamespace != null && perNamespace < 1) || (cluster != null && cluster < 1)) {
      throw new IllegalArgumentException("a cap on running shards must be at least 1");
    }
  }

  public boolean on() {
    return perNamespace != null || cluster != null;
  }
}
