package io.shardrun.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShardAssignmentTest {
  private static final List<String> PATHS = List.of(
      "login.json", "shop/cart.json", "checkout/größe ü.json", "日本/テスト.json", "a.json", "serial-b.json");

  private static int sha1Mod(String path, int shards) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-1").digest(path.getBytes(StandardCharsets.UTF_8));
    return new BigInteger(1, digest).mod(BigInteger.valueOf(shards)).intValue();
  }

  @Test
  void hashIsTheUnsignedSha1OfTheUtf8PathModuloTheShardCount() throws Exception {
    for (String path : PATHS) {
      for (int shards = 1; shards <= 16; shards++) {
        assertThat(ShardAssignment.hash(path, shards)).as("%s on %d shards", path, shards)
            .isEqualTo(sha1Mod(path, shards));
      }
    }
  }

  /** Values from Python: int(hashlib.sha1(path.encode()).hexdigest(), 16) % n. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      login.json            | 0 | 2 | 0 | 4 | 2
      shop/cart.json        | 1 | 0 | 1 | 0 | 3
      checkout/größe ü.json | 1 | 0 | 1 | 1 | 6
      日本/テスト.json        | 0 | 1 | 2 | 4 | 1
      """)
  void hashMatchesAnIndependentImplementation(String path, int on2, int on3, int on4, int on5, int on7) {
    assertThat(List.of(2, 3, 4, 5, 7)).map(n -> ShardAssignment.hash(path, n)).containsExactly(on2, on3, on4, on5, on7);
  }

  @Test
  void oneShardTakesEverything() {
    assertThat(PATHS).allSatisfy(p -> assertThat(ShardAssignment.hash(p, 1)).isZero());
  }

  @Test
  void balancedPutsTheLongestFirstOntoTheLeastLoadedShard() {
    // 7 -> s0, 5 -> s1, 4 -> s1 (9), 3 -> s0 (10), 2 -> s1 (11), 1 -> s0 (11)
    assertThat(ShardAssignment.balanced(new long[] {7, 5, 4, 3, 2, 1}, 2)).containsExactly(0, 1, 1, 0, 1, 0);
  }

  @Test
  void balancedOrderDoesNotDependOnTheInputOrder() {
    // same estimates shuffled: unit i gets the shard its estimate got above
    assertThat(ShardAssignment.balanced(new long[] {3, 7, 1, 5, 2, 4}, 2)).containsExactly(0, 0, 0, 1, 1, 1);
  }

  @Test
  void balancedTiesGoToTheLowerUnitAndTheLowerShard() {
    assertThat(ShardAssignment.balanced(new long[] {5, 5, 5, 5}, 3)).containsExactly(0, 1, 2, 0);
  }

  @Test
  void balancedWithMoreShardsThanUnitsLeavesShardsEmpty() {
    assertThat(ShardAssignment.balanced(new long[] {1, 9}, 4)).containsExactly(1, 0);
    assertThat(ShardAssignment.balanced(new long[0], 4)).isEmpty();
  }
}
