package io.shardrun.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.shardrun.core.suite.SuiteException;
import io.shardrun.core.suite.SuiteFile;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteConfigMapTest {
  @Test
  void aSuiteFolderRoundTripsThroughItsConfigMapWithFoldersAndNonAsciiNames(@TempDir Path dir) throws Exception {
    for (String path : List.of("login.json", "checkout/cart_total.json", "日本/テスト.json", "templates/search.json")) {
      Files.createDirectories(dir.resolve(path).getParent());
      Files.writeString(dir.resolve(path), "{\"path\": \"" + path + "\"}");
    }
    Files.writeString(dir.resolve("README.md"), "not part of the suite");
    Files.createDirectories(dir.resolve(".shardrun"));
    Files.writeString(dir.resolve(".shardrun/history.json"), "{}");

    SuiteFiles files = SuiteFiles.fromDirectory(dir);
    ConfigMap configMap = SuiteConfigMap.build("shop-suite", "qa", files);

    assertThat(configMap.getData().keySet()).allMatch(k -> k.matches("[-._a-zA-Z0-9]+"));
    assertThat(configMap.getMetadata().getAnnotations()).containsEntry("shardrun.io/key-encoding", "underscore-hex");
    assertThat(SuiteConfigMap.read(configMap)).isEqualTo(files);
    assertThat(files.files()).extracting(SuiteFile::path)
        .containsExactly("checkout/cart_total.json", "login.json", "templates/search.json", "日本/テスト.json");
  }

  @Test
  void budgetsJsonTravelsWithTheSuiteAndIsReadAsBudgetsInThePod() {
    SuiteFiles files = io.shardrun.core.TestSuites.files(
        "home.json", "{\"steps\": [{\"command\": \"assertWithinBudget\"}]}",
        "budgets.json", "{\"version\": 1, \"budgets\": [{\"route\": \"/**\", \"lcpMs\": 2500}]}");

    SuiteFiles inPod = SuiteConfigMap.read(SuiteConfigMap.build("shop-suite", "qa", files));

    assertThat(inPod).isEqualTo(files);
    io.shardrun.core.suite.Suite suite = io.shardrun.core.suite.SuiteParser.parse(inPod).orThrow();
    assertThat(suite.files()).containsOnlyKeys("home.json");
    assertThat(suite.budgets().routes()).containsExactly("/**");
  }

  @Test
  void extensionFilesTravelWithTheSuiteAndAreRestoredInThePod() {
    SuiteFiles files = io.shardrun.core.TestSuites.files(
        "uses.json", "{\"meta\": {\"extensions\": [\"marker\"]}, \"steps\": [{\"command\": \"echo\"}]}",
        "extensions/marker/manifest.json", "{\"manifest_version\": 3, \"name\": \"m\", \"version\": \"1\","
            + " \"content_scripts\": [{\"matches\": [\"<all_urls>\"], \"js\": [\"js/content.js\"]}]}",
        "extensions/marker/js/content.js", "document.body.append('x');");

    ConfigMap configMap = SuiteConfigMap.build("shop-suite", "qa", files);
    SuiteFiles inPod = SuiteConfigMap.read(configMap);

    assertThat(configMap.getData()).containsKey("extensions_2Fmarker_2Fjs_2Fcontent.js");
    assertThat(inPod).isEqualTo(files);
    assertThat(io.shardrun.core.suite.SuiteParser.parse(inPod).orThrow().files()).containsOnlyKeys("uses.json");
  }

  @Test
  void aPlainConfigMapFromKubectlUsesItsKeysAsPaths() {
    ConfigMap plain = new ConfigMapBuilder().withNewMetadata().withName("flat").endMetadata()
        .addToData("my_test.json", "{}").addToData("notes.txt", "ignored").build();
    assertThat(SuiteConfigMap.read(plain).files()).containsExactly(new SuiteFile("my_test.json", "my_test.json", "{}"));
  }

  @Test
  void aSuiteOverOneMebibyteIsRefusedWithItsSizeAndLargestFiles() {
    String big = "x".repeat(400_000);
    SuiteFiles files = new SuiteFiles(Stream.of("a.json", "b.json", "c.json")
        .map(p -> new SuiteFile(p, SuiteKeys.encode(p), big)).toList());
    assertThatThrownBy(() -> SuiteConfigMap.build("s", "qa", files))
        .isInstanceOf(SuiteException.class)
        .hasMessageContaining("1,200,018 bytes")
        .hasMessageContaining("1 MiB")
        .hasMessageContaining("a.json");
  }

  @Test
  void aMissingSuiteFolderIsAClearError(@TempDir Path dir) {
    assertThatThrownBy(() -> SuiteFiles.fromDirectory(dir.resolve("nope")))
        .isInstanceOf(SuiteException.class).hasMessageContaining("does not exist");
  }

  @Test
  void aKeyThatDecodesOutsideTheSuiteIsRefused() {
    ConfigMap crafted = new ConfigMapBuilder().withNewMetadata().withName("evil")
        .addToAnnotations(SuiteKeys.ENCODING_ANNOTATION, SuiteKeys.ENCODING).endMetadata()
        .addToData(SuiteKeys.encode("../../etc/x.json"), "{}").build();
    assertThatThrownBy(() -> SuiteConfigMap.read(crafted))
        .isInstanceOf(SuiteException.class)
        .hasMessage("ConfigMap evil: key '.._2F.._2Fetc_2Fx.json' names '../../etc/x.json', which is not a relative path inside the suite");
  }

  @Test
  void aSuiteMountedAsAConfigMapVolumeIsReadThroughTheKubeletsSymlinks(@TempDir Path dir) throws Exception {
    // The kubelet's layout: real files in a timestamped hidden folder, ..data pointing at it, and
    // each top-level entry a symlink through ..data.
    Path real = Files.createDirectories(dir.resolve("..2026_11_21_10_00_00.123456789"));
    Files.createDirectories(real.resolve("shop"));
    Files.writeString(real.resolve("shop/cart.json"), "{}");
    Files.writeString(real.resolve("home.json"), "{}");
    Files.createSymbolicLink(dir.resolve("..data"), real.getFileName());
    Files.createSymbolicLink(dir.resolve("shop"), Path.of("..data/shop"));
    Files.createSymbolicLink(dir.resolve("home.json"), Path.of("..data/home.json"));

    assertThat(SuiteFiles.fromDirectory(dir).files()).extracting(SuiteFile::path).containsExactly("home.json", "shop/cart.json");
  }

  @Test
  void hiddenFilesInAConfigMapAreNotPartOfTheSuiteAsInAFolder() {
    ConfigMap plain = new ConfigMapBuilder().withNewMetadata().withName("flat").endMetadata()
        .addToData(".eslintrc.json", "{}").addToData("a.json", "{}").build();
    assertThat(SuiteConfigMap.read(plain).files()).extracting(SuiteFile::path).containsExactly("a.json");
  }
}
