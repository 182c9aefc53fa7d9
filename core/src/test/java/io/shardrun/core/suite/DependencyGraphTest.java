package io.shardrun.core.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

  /** login <- cart <- checkout, login <- profile, search alone, and a diamond base <- (l, r) <- top. */
  private static final Map<String, List<String>> SHOP = Map.of(
      "login.json", List.of(),
      "cart.json", List.of("login.json"),
      "checkout.json", List.of("cart.json"),
      "profile.json", List.of("login.json"),
      "search.json", List.of(),
      "base.json", List.of(),
      "l.json", List.of("base.json"),
      "r.json", List.of("base.json"),
      "top.json", List.of("l.json", "r.json"));

  private final DependencyGraph shop = new DependencyGraph(SHOP);

  @Test
  void orderPutsDependenciesFirstAndBreaksTiesByPath() {
    DependencyGraph graph = new DependencyGraph(Map.of(
        "c.json", List.of(),
        "a.json", List.of("c.json"),
        "b.json", List.of(),
        "0.json", List.of("b.json")));

    assertThat(graph.order()).containsExactly("b.json", "0.json", "c.json", "a.json");
    assertThat(graph.rank("b.json")).isZero();
    assertThat(graph.rank("a.json")).isEqualTo(3);
  }

  @Test
  void orderOfTheShopSuite() {
    assertThat(shop.order()).containsExactly(
        "base.json", "l.json", "login.json", "cart.json", "checkout.json", "profile.json",
        "r.json", "search.json", "top.json");
  }

  @Test
  void upstreamAndDownstreamOfAFile() {
    assertThat(shop.upstreamOf("top.json")).containsExactly("l.json", "r.json");
    assertThat(shop.downstreamOf("login.json")).containsExactly("cart.json", "profile.json");
    assertThat(shop.upstreamOf("search.json")).isEmpty();
    assertThat(shop.downstreamOf("unknown.json")).isEmpty();
  }

  @Test
  void withUpstreamAddsEverythingTheFilesDependOnTransitively() {
    assertThat(shop.withUpstream(List.of("checkout.json"))).containsExactly("cart.json", "checkout.json", "login.json");
    assertThat(shop.withUpstream(List.of("top.json", "search.json")))
        .containsExactly("base.json", "l.json", "r.json", "search.json", "top.json");
    assertThat(shop.withUpstream(List.of())).isEmpty();
  }

  @Test
  void withDownstreamAddsEverythingThatDependsOnTheFilesTransitively() {
    assertThat(shop.withDownstream(List.of("login.json")))
        .containsExactly("cart.json", "checkout.json", "login.json", "profile.json");
    assertThat(shop.withDownstream(List.of("l.json"))).containsExactly("l.json", "top.json");
    assertThat(shop.withDownstream(List.of("base.json"))).containsExactly("base.json", "l.json", "r.json", "top.json");
  }

  @Test
  void componentsGroupFilesConnectedInEitherDirectionEachInSuiteOrder() {
    assertThat(shop.components(shop.files())).containsExactly(
        List.of("base.json", "l.json", "r.json", "top.json"),
        List.of("login.json", "cart.json", "checkout.json", "profile.json"),
        List.of("search.json"));
  }

  @Test
  void componentsOfASubsetOnlyFollowEdgesInsideIt() {
    // without login.json, cart and profile are no longer connected
    assertThat(shop.components(List.of("profile.json", "checkout.json", "cart.json"))).containsExactly(
        List.of("cart.json", "checkout.json"),
        List.of("profile.json"));
  }

  @Test
  void orderWithPriorityPutsHigherPriorityFirstOnlyWhereDependenciesAllow() {
    Map<String, Double> priority = Map.of(
        "login.json", 0.0, "cart.json", 0.9, "checkout.json", 1.0, "profile.json", 0.2, "search.json", 0.5);

    List<String> ordered = shop.order(
        List.of("login.json", "cart.json", "checkout.json", "profile.json", "search.json"), priority::get);

    // search (0.5) beats login (0.0) while only they are ready; then cart (0.9) and checkout (1.0)
    // wait for login, and profile (0.2) waits until the higher ones are done.
    assertThat(ordered).containsExactly("search.json", "login.json", "cart.json", "checkout.json", "profile.json");
  }

  @Test
  void orderWithEqualPriorityFollowsSuiteOrder() {
    assertThat(shop.order(List.of("top.json", "r.json", "l.json", "base.json"), f -> 0.3))
        .containsExactly("base.json", "l.json", "r.json", "top.json");
  }

  @Test
  void findCycleReturnsTheCycleAsAPath() {
    Map<String, List<String>> upstream = new LinkedHashMap<>();
    upstream.put("x.json", List.of("a.json"));
    upstream.put("a.json", List.of("b.json"));
    upstream.put("b.json", List.of("c.json"));
    upstream.put("c.json", List.of("a.json"));

    assertThat(DependencyGraph.findCycle(upstream)).containsExactly("a.json", "b.json", "c.json", "a.json");
    assertThat(DependencyGraph.findCycle(SHOP)).isEmpty();
  }

  @Test
  void cyclicInputIsRejected() {
    assertThatThrownBy(() -> new DependencyGraph(Map.of("a.json", List.of("b.json"), "b.json", List.of("a.json"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("dependency cycle among ");
  }
}
