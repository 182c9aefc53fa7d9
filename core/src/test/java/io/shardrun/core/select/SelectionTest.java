package io.shardrun.core.select;

import static io.shardrun.core.TestSuites.actionFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardrun.core.TestSuites;
import io.shardrun.core.suite.Suite;
import io.shardrun.crd.v1alpha1.Selector;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelectionTest {
  private static final Suite SUITE = TestSuites.suite(
      "auth/login.json", actionFile(List.of("smoke", "auth"), List.of()),
      "shop/cart.json", """
          {"meta": {"tags": ["checkout"], "depends_on": ["login.json"], "covers": ["src/cart/**", "src/price.ts"]},
           "steps": [{"command": "open", "target": "${BASE_URL}/cart"}]}
          """,
      "shop/checkout.json", actionFile(List.of("checkout", "slow"), List.of("cart.json")),
      "search.json", actionFile(List.of("smoke"), List.of()),
      "admin/report.json", actionFile(List.of("admin", "slow"), List.of()),
      "docs/links.json", actionFile(List.of(), List.of()));

  private static Selector selector() {
    return new Selector();
  }

  private static List<String> select(Selector selector) {
    return Selection.select(SUITE, SelectionCriteria.fromSpec(selector));
  }

  @Test
  void noCriteriaSelectsEveryFileInTopologicalOrder() {
    assertThat(Selection.select(SUITE, SelectionCriteria.all())).containsExactly(
        "admin/report.json", "auth/login.json", "docs/links.json", "search.json", "shop/cart.json", "shop/checkout.json");
    assertThat(select(null)).isEqualTo(Selection.select(SUITE, SelectionCriteria.all()));
  }

  @Test
  void tagsSelectFilesWithAnyOfThem() {
    Selector s = selector();
    s.setTags(List.of("smoke", "admin"));

    assertThat(select(s)).containsExactly("admin/report.json", "auth/login.json", "search.json");
  }

  @Test
  void excludeTagsDropFilesWithAnyOfThem() {
    Selector s = selector();
    s.setExcludeTags(List.of("slow", "auth"));

    // shop/cart.json has neither tag but depends on auth/login.json, which therefore comes along
    assertThat(select(s)).containsExactly("auth/login.json", "docs/links.json", "search.json", "shop/cart.json");
  }

  @Test
  void selectedFilePullsInItsFilteredOutUpstream() {
    Selector s = selector();
    s.setTags(List.of("slow"));
    s.setExclude(List.of("^admin/"));

    assertThat(select(s)).containsExactly("auth/login.json", "shop/cart.json", "shop/checkout.json");
  }

  @Test
  void includeRegexIsFoundAnywhereInTheRelativePath() {
    Selector s = selector();
    s.setInclude(List.of("cart", "^search\\.json$"));

    assertThat(select(s)).containsExactly("auth/login.json", "search.json", "shop/cart.json");
  }

  @Test
  void excludeRegexDropsMatchingPaths() {
    Selector s = selector();
    s.setExclude(List.of("^(admin|docs)/", "checkout"));

    assertThat(select(s)).containsExactly("auth/login.json", "search.json", "shop/cart.json");
  }

  @Test
  void everySetCriterionMustHold() {
    Selector s = selector();
    s.setTags(List.of("smoke", "checkout"));
    s.setExcludeTags(List.of("slow"));
    s.setInclude(List.of("/"));
    s.setExclude(List.of("login"));

    // shop/cart.json alone matches; its upstream auth/login.json comes along despite the exclude
    assertThat(select(s)).containsExactly("auth/login.json", "shop/cart.json");
  }

  @Test
  void invalidIncludeRegexNamesTheFieldIndexExpressionAndError() {
    Selector s = selector();
    s.setInclude(List.of("shop/", "(cart"));

    assertThatThrownBy(() -> SelectionCriteria.fromSpec(s))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("spec.selector.include[1]: invalid regular expression '(cart': Unclosed group near index 5");
  }

  @Test
  void invalidExcludeRegexNamesItsField() {
    Selector s = selector();
    s.setExclude(List.of("*.json"));

    assertThatThrownBy(() -> SelectionCriteria.fromSpec(s))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("spec.selector.exclude[0]: invalid regular expression '*.json': Dangling meta character '*' near index 0");
  }

  @Test
  void changedActionFileByItsSuitePathIsSelected() {
    Selector s = selector();
    s.setChangedFiles(List.of("search.json"));

    assertThat(select(s)).containsExactly("search.json");
  }

  @Test
  void changedActionFileByARepositoryPathIsSelected() {
    Selector s = selector();
    s.setChangedFiles(List.of("e2e/suite/search.json", "e2e\\suite\\admin\\report.json"));

    assertThat(select(s)).containsExactly("admin/report.json", "search.json");
  }

  @Test
  void changedActionFileBringsItsDownstreamAndUpstream() {
    Selector s = selector();
    s.setChangedFiles(List.of("e2e/suite/shop/cart.json"));

    assertThat(select(s)).containsExactly("auth/login.json", "shop/cart.json", "shop/checkout.json");
  }

  @Test
  void changedSourceMatchingACoversGlobSelectsTheCoveringFileAndItsDownstream() {
    Selector s = selector();
    s.setChangedFiles(List.of("src/cart/model/Cart.java", "README.md"));

    assertThat(select(s)).containsExactly("auth/login.json", "shop/cart.json", "shop/checkout.json");
  }

  @Test
  void changedSourceMatchingNoCoversGlobSelectsNothing() {
    Selector s = selector();
    s.setChangedFiles(List.of("src/search/Index.java", "src/cart"));

    assertThat(select(s)).isEmpty();
  }

  @Test
  void changedFilesCombineWithTheOtherCriteria() {
    Selector s = selector();
    s.setChangedFiles(List.of("src/price.ts"));
    s.setExcludeTags(List.of("slow"));

    assertThat(select(s)).containsExactly("auth/login.json", "shop/cart.json");
  }

  @Test
  void rerunOnlySelectsJustThoseFilesWithTheirUpstream() {
    SelectionCriteria criteria = SelectionCriteria.all().withRerunOnly(Set.of("shop/checkout.json", "search.json"));

    assertThat(Selection.select(SUITE, criteria))
        .containsExactly("auth/login.json", "search.json", "shop/cart.json", "shop/checkout.json");
  }

  @Test
  void rerunOnlyStillAppliesTheOtherCriteria() {
    Selector s = selector();
    s.setExcludeTags(List.of("slow"));
    SelectionCriteria criteria = SelectionCriteria.fromSpec(s).withRerunOnly(Set.of("shop/checkout.json", "search.json"));

    assertThat(Selection.select(SUITE, criteria)).containsExactly("search.json");
  }

  @Test
  void emptyChangedFilesInTheSpecMeansTheCriterionIsNotUsed() {
    assertThat(SelectionCriteria.fromSpec(selector()).changedFiles()).isNull();
    assertThat(SelectionCriteria.fromSpec(selector()).rerunOnly()).isNull();
  }

  @Test
  void aChangedPathIsTheActionFileWithTheLongestMatchingSuitePath() {
    Suite suite = TestSuites.suite("search.json", TestSuites.plain(), "shop/search.json", TestSuites.plain());
    SelectionCriteria criteria = new SelectionCriteria(Set.of(), Set.of(), List.of(), List.of(),
        List.of("e2e/suite/shop/search.json"), null);

    assertThat(Selection.select(suite, criteria)).containsExactly("shop/search.json");
  }
}
