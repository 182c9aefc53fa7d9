package io.shardrun.core.run;

import static io.shardrun.core.run.ManifestsTest.assertPlain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.shardrun.crd.v1alpha1.TestRun;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestSetTest {
  static String run(String name, String namespace) {
    return "apiVersion: shardrun.io/v1alpha1\nkind: TestRun\nmetadata: {name: " + name
        + (namespace == null ? "" : ", namespace: " + namespace) + "}\nspec: {suite: {configMap: shop-suite}}\n";
  }

  static String suite(String namespace, String file) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: shop-suite" + (namespace == null ? "" : ", namespace: " + namespace)
        + "}\ndata: {" + file + ": '{}'}\n";
  }

  @Test
  void aTestRunGivenTwiceIsAnErrorNamingBothPlaces() {
    Manifests.Documents first = Manifests.read(run("nightly", "qa"), "a.yaml");
    Manifests.Documents second = Manifests.read(run("smoke", "qa") + "---\n" + run("nightly", "qa"), "b.yaml");
    assertPlain(catchThrowable(() -> ManifestSet.of(List.of(first, second))))
        .hasMessage("TestRun qa/nightly is given twice: in a.yaml (document 1) and in b.yaml (document 2); keep one");
  }

  @Test
  void aTestRunWithoutNamespaceMayBeTheOneOfAnyNamespace() {
    Manifests.Documents docs = Manifests.read(run("nightly", null) + "---\n" + run("nightly", "qa"), "runs.yaml");
    assertPlain(catchThrowable(() -> ManifestSet.of(List.of(docs))))
        .hasMessage("TestRun qa/nightly is given twice: in runs.yaml (document 1) and in runs.yaml (document 2); keep one");
  }

  @Test
  void theSameNameInTwoNamespacesIsTwoTestRunsEachReadingTheSuiteOfItsNamespace() {
    Manifests.Documents docs = Manifests.read(run("nightly", "qa") + "---\n" + run("nightly", "prod") + "---\n"
        + suite("prod", "prod.json") + "---\n" + suite("qa", "qa.json"), "runs.yaml");
    ManifestSet set = ManifestSet.of(List.of(docs));
    assertThat(set.testRuns()).extracting(Manifests.Placed::place)
        .containsExactly("runs.yaml (document 1)", "runs.yaml (document 2)");
    assertThat(set.testRuns()).extracting(r -> set.suiteOf(r.object()).map(ConfigMap::getData).orElseThrow().keySet())
        .containsExactly(java.util.Set.of("qa.json"), java.util.Set.of("prod.json"));
  }

  @Test
  void twoConfigMapsThatCouldBeTheSuiteAreAnErrorNamingBothPlaces() {
    ManifestSet set = ManifestSet.of(List.of(
        Manifests.read(run("nightly", "qa") + "---\n" + suite(null, "a.json"), "a.yaml"),
        Manifests.read(suite("qa", "b.json"), "b.yaml")));
    TestRun run = set.testRuns().get(0).object();
    assertPlain(catchThrowable(() -> set.suiteOf(run)))
        .hasMessage("TestRun qa/nightly reads its suite from ConfigMap shop-suite, which is given twice: in a.yaml (document 2)"
            + " and in b.yaml (document 1); keep one");
  }

  @Test
  void aSuiteInAnotherNamespaceIsNotTheRunsSuite() {
    ManifestSet set = ManifestSet.of(List.of(Manifests.read(run("nightly", "qa") + "---\n" + suite("prod", "a.json"), "a.yaml")));
    assertThat(set.suiteOf(set.testRuns().get(0).object())).isEmpty();
  }
}
