package io.shardrun.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void shortNamesAreKeptAsWritten() {
    assertThat(Names.shardJob("nightly", 12)).isEqualTo("nightly-shard-12");
    assertThat(Names.planConfigMap("nightly")).isEqualTo("nightly-plan");
  }

  @Test
  void aNameOfExactly63CharactersIsNotShortened() {
    String base = "r".repeat(63 - "-shard-7".length());
    assertThat(Names.shardJob(base, 7)).isEqualTo(base + "-shard-7").hasSize(63);
  }

  @Test
  void aLongerNameKeepsItsStartAndGetsAStableHash() {
    String base = "checkout-regression-" + "x".repeat(60);
    String name = Names.shardJob(base, 999);
    assertThat(name).hasSize(63).startsWith("checkout-regression-").endsWith("-shard-999");
    assertThat(name).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    assertThat(Names.shardJob(base, 999)).isEqualTo(name);
  }

  @Test
  void shortenedNamesEndAlphanumericBeforeTheHash() {
    String base = "a".repeat(50) + "-.-.-.-" + "b".repeat(30); // the cut at 54 lands inside "-.-."
    assertThat(Names.labelValue(base)).matches("a{50}-[0-9a-f]{8}");
  }
}
