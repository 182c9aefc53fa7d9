package io.shardrun.core.suite;

import static io.shardrun.core.TestSuites.dependingOn;
import static io.shardrun.core.TestSuites.parse;
import static io.shardrun.core.TestSuites.plain;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.action.Problem;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SuiteParserTest {
  private static final String BROKEN = "{\"steps\": [{\"command\": \"clik\"}]}";

  @Test
  void dependsOnResolvesBasenamesAndSuiteRelativePaths() {
    SuiteParser.Result result = parse(
        "auth/login.json", plain(),
        "shop/cart.json", dependingOn("login.json"),
        "shop/checkout.json", dependingOn("shop/cart.json", "auth/login.json"));

    assertThat(result.problems()).isEmpty();
    DependencyGraph graph = result.suite().graph();
    assertThat(graph.upstreamOf("shop/cart.json")).containsExactly("auth/login.json");
    assertThat(graph.upstreamOf("shop/checkout.json")).containsExactly("auth/login.json", "shop/cart.json");
    assertThat(graph.order()).containsExactly("auth/login.json", "shop/cart.json", "shop/checkout.json");
  }

  @Test
  void unknownDependsOnNameIsReportedAndTheFileDropped() {
    SuiteParser.Result result = parse(
        "a.json", dependingOn("login.json"),
        "b.json", plain());

    assertThat(result.problems()).containsExactly(new Problem("a.json", "meta.depends_on[0]",
        "unknown file 'login.json'; expected the name or suite-relative path of an action file"));
    assertThat(result.suite().files()).containsOnlyKeys("b.json");
  }

  @Test
  void templateFilesCannotBeDependedOn() {
    assertThat(parse(
        "templates/t.json", "{\"steps\": [{\"command\": \"echo\"}]}",
        "a.json", dependingOn("t.json")).problems())
        .containsExactly(new Problem("a.json", "meta.depends_on[0]",
            "unknown file 't.json'; expected the name or suite-relative path of an action file"));
  }

  @Test
  void ambiguousBasenameListsTheCandidatesAndAsksForThePath() {
    SuiteParser.Result result = parse(
        "admin/login.json", plain(),
        "shop/login.json", plain(),
        "shop/cart.json", dependingOn("login.json"));

    assertThat(result.problems()).containsExactly(new Problem("shop/cart.json", "meta.depends_on[0]",
        "'login.json' matches several files (admin/login.json, shop/login.json); write the path relative to the suite root"));
    assertThat(result.suite().files()).containsOnlyKeys("admin/login.json", "shop/login.json");
  }

  @Test
  void ambiguousBasenameIsResolvedByThePath() {
    SuiteParser.Result result = parse(
        "admin/login.json", plain(),
        "shop/login.json", plain(),
        "shop/cart.json", dependingOn("shop/login.json"));

    assertThat(result.problems()).isEmpty();
    assertThat(result.suite().graph().upstreamOf("shop/cart.json")).containsExactly("shop/login.json");
  }

  @Test
  void selfDependencyIsACycle() {
    SuiteParser.Result result = parse("loop.json", dependingOn("loop.json"));

    assertThat(result.problems()).containsExactly(
        new Problem("loop.json", "meta.depends_on[0]", "dependency cycle: loop.json -> loop.json"));
    assertThat(result.suite().files()).isEmpty();
  }

  @Test
  void threeFileCycleNamesAllThreeInOrderOnce() {
    SuiteParser.Result result = parse(
        "a.json", dependingOn("b.json"),
        "b.json", dependingOn("c.json"),
        "c.json", dependingOn("a.json"),
        "d.json", plain());

    assertThat(result.problems()).containsExactly(new Problem("a.json", "meta.depends_on",
        "dependency cycle: a.json -> b.json -> c.json -> a.json"));
    assertThat(result.suite().files()).containsOnlyKeys("d.json");
    assertThat(result.suite().graph().files()).containsExactly("d.json");
  }

  @Test
  void cycleReachedFromAnUpstreamFileNamesOnlyTheCycle() {
    SuiteParser.Result result = parse(
        "a.json", dependingOn("b.json"),
        "b.json", dependingOn("c.json"),
        "c.json", dependingOn("b.json"));

    assertThat(result.problems()).containsExactly(new Problem("b.json", "meta.depends_on",
        "dependency cycle: b.json -> c.json -> b.json"));
    assertThat(result.suite().files()).as("a.json depends on the cycle").isEmpty();
  }

  @Test
  void fileDownstreamOfACycleIsDroppedWithoutAProblemOfItsOwn() {
    SuiteParser.Result result = parse(
        "a.json", dependingOn("b.json"),
        "b.json", dependingOn("c.json"),
        "c.json", dependingOn("a.json"),
        "d.json", dependingOn("a.json"),
        "e.json", dependingOn("d.json"),
        "f.json", plain());

    assertThat(result.problems()).containsExactly(new Problem("a.json", "meta.depends_on",
        "dependency cycle: a.json -> b.json -> c.json -> a.json"));
    assertThat(result.suite().files()).containsOnlyKeys("f.json");
    assertThat(result.suite().graph().files()).containsExactly("f.json");
  }

  @Test
  void fileDownstreamOfABrokenFileIsDroppedAndTheProblemReportedOnceOnTheBrokenOne() {
    SuiteParser.Result result = parse(
        "broken.json", BROKEN,
        "mid.json", dependingOn("broken.json"),
        "leaf.json", dependingOn("mid.json"),
        "ok.json", plain(),
        "uses-ok.json", dependingOn("ok.json"));

    assertThat(result.problems()).containsExactly(new Problem("broken.json", "steps[0].command",
        "unknown command 'clik'; see docs/action-files.md for the commands"));
    assertThat(result.suite().files()).containsOnlyKeys("ok.json", "uses-ok.json");
    assertThat(result.suite().graph().order()).containsExactly("ok.json", "uses-ok.json");
  }

  @Test
  void fileDownstreamOfAFileWithAnUnknownDependencyIsDropped() {
    SuiteParser.Result result = parse(
        "a.json", dependingOn("missing.json"),
        "b.json", dependingOn("a.json"));

    assertThat(result.problems()).extracting(Problem::file).containsExactly("a.json");
    assertThat(result.suite().files()).isEmpty();
  }

  @Test
  void problemsOfEveryFileAreReportedSortedByFile() {
    SuiteParser.Result result = parse(
        "z.json", "{\"steps\": []}",
        "a.json", "{\"meta\": {\"depends_on\": [\"nope.json\"]}, \"steps\": [{\"command\": \"pause\"}]}",
        "m.json", "{");

    // a.json's depends_on is checked although its steps have problems too
    assertThat(result.problems()).extracting(Problem::file, Problem::where).containsExactly(
        org.assertj.core.groups.Tuple.tuple("a.json", "steps[0].target"),
        org.assertj.core.groups.Tuple.tuple("a.json", "meta.depends_on[0]"),
        org.assertj.core.groups.Tuple.tuple("m.json", "line 1, column 2"),
        org.assertj.core.groups.Tuple.tuple("z.json", "steps"));
  }

  @Test
  void suiteFolderIsReadWithTemplatesAndNestedFolders() throws URISyntaxException {
    Path root = Path.of(getClass().getResource("/suites/shop").toURI());

    SuiteFiles files = SuiteFiles.fromDirectory(root);
    SuiteParser.Result result = SuiteParser.parse(files);

    assertThat(files.files()).extracting(SuiteFile::path, SuiteFile::key).containsExactly(
        org.assertj.core.groups.Tuple.tuple("checkout/cart.json", "checkout_2Fcart.json"),
        org.assertj.core.groups.Tuple.tuple("login.json", "login.json"),
        org.assertj.core.groups.Tuple.tuple("templates/add_to_cart.json", "templates_2Fadd_5Fto_5Fcart.json"));
    assertThat(result.problems()).isEmpty();
    assertThat(result.suite().graph().order()).containsExactly("login.json", "checkout/cart.json");
    assertThat(result.suite().file("checkout/cart.json").steps()).extracting(s -> s.origin())
        .containsExactly("steps[0]", "steps[1] > template add_to_cart steps[0]",
            "steps[1] > template add_to_cart steps[1]");
  }

  @Test
  void missingSuiteFolderIsASuiteException() {
    Path missing = Path.of("target", "no-such-suite");

    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> SuiteFiles.fromDirectory(missing)))
        .isInstanceOf(SuiteException.class)
        .hasMessage("suite folder " + missing + " does not exist or is not a folder");
  }

  @Test
  void aCallToABrokenCustomTemplateSaysSoInsteadOfUnknown() {
    SuiteParser.Result result = parse(
        "templates/pay.json", "{\"steps\": [{\"command\": \"clik\"}]}",
        "checkout.json", "{\"steps\": [{\"template\": \"pay\"}]}");

    assertThat(result.problems()).containsExactly(
        new Problem("checkout.json", "steps[0].template", "template 'pay' has problems; see templates/pay.json"),
        new Problem("templates/pay.json", "steps[0].command", "unknown command 'clik'; see docs/action-files.md for the commands"));
  }

  @Test
  void aBrokenOverrideOfABuiltInNeverFallsBackToTheBuiltIn() {
    SuiteParser.Result result = parse(
        "templates/close_modal.json", "{\"steps\": []}",
        "modal.json", "{\"steps\": [{\"template\": \"close_modal\"}]}");

    assertThat(result.problems()).extracting(Problem::file).containsExactly("modal.json", "templates/close_modal.json");
    assertThat(result.suite().files()).isEmpty();
  }
}
