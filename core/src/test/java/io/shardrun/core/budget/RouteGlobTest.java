package io.shardrun.core.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteGlobTest {
  static boolean matches(String route, String path) {
    return new Budget(route, Map.of(Metric.TTFB, 1L), false).matches(path);
  }

  @Test
  void aStarStaysInOneSegmentTwoStarsCrossThem() {
    assertThat(matches("/shop/*", "/shop/cart")).isTrue();
    assertThat(matches("/shop/*", "/shop/")).isTrue();
    assertThat(matches("/shop/*", "/shop")).isFalse();
    assertThat(matches("/shop/*", "/shop/cart/1")).isFalse();
    assertThat(matches("/shop/**", "/shop/cart/1")).isTrue();
    assertThat(matches("/*.html", "/form.html")).isTrue();
    assertThat(matches("/**", "/")).isTrue();
  }

  @Test
  void everythingElseMatchesItselfExactly() {
    assertThat(matches("/a.b", "/a.b")).isTrue();
    assertThat(matches("/a.b", "/axb")).isFalse();
    assertThat(matches("/shop/", "/shop")).isFalse();
    assertThat(matches("/p+q/(1)", "/p+q/(1)")).isTrue();
    assertThat(matches("/caf%C3%A9", "/caf%C3%A9")).isTrue();
  }

  @Test
  void theFirstMatchingBudgetInFileOrderApplies() {
    Budgets budgets = new Budgets(java.util.List.of(
        new Budget("/shop/cart", Map.of(Metric.TTFB, 1L), false), new Budget("/shop/*", Map.of(Metric.TTFB, 2L), false)), true);
    assertThat(budgets.forPath("/shop/cart").orElseThrow().route()).isEqualTo("/shop/cart");
    assertThat(budgets.forPath("/shop/list").orElseThrow().route()).isEqualTo("/shop/*");
    assertThat(budgets.forPath("/home")).isEmpty();
  }
}
