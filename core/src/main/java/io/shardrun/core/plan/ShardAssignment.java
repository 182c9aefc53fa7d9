package io.shardrun.core.plan;

import io.shardrun.core.Hashes;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.stream.IntStream;

/** The two ways of putting units of work on shards, pure functions over keys and estimates. */
public final class ShardAssignment {
  private ShardAssignment() {}

  /**
   * The shard of {@code key}: the SHA-1 digest of its UTF-8 bytes, read as an unsigned integer,
   * modulo {@code shards}. Depends on nothing else, so adding or removing a file moves no other.
   */
  public static int hash(String key, int shards) {
    return Hashes.sha1(key).mod(BigInteger.valueOf(shards)).intValue();
  }

  /**
   * Longest processing time first: units by estimate, largest first (ties: lower index first),
   * each onto the currently least-loaded shard (ties: lower shard index).
   *
   * @return the shard of each unit, by unit index
   */
  public static int[] balanced(long[] estimates, int shards) {
    Integer[] byEstimate = IntStream.range(0, estimates.length).boxed().toArray(Integer[]::new);
    java.util.Arrays.sort(byEstimate, Comparator.<Integer>comparingLong(i -> estimates[i]).reversed()
        .thenComparingInt(i -> i));
    long[] load = new long[shards];
    PriorityQueue<Integer> leastLoaded = new PriorityQueue<>(
        Comparator.<Integer>comparingLong(s -> load[s]).thenComparingInt(s -> s));
    IntStream.range(0, shards).forEach(leastLoaded::add);
    int[] shardOf = new int[estimates.length];
    for (int unit : byEstimate) {
      int shard = leastLoaded.poll();
      shardOf[unit] = shard;
      load[shard] += estimates[unit];
      leastLoaded.add(shard);
    }
    return shardOf;
  }
}
