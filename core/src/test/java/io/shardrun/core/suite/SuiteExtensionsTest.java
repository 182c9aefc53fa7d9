package io.shardrun.core.suite;

import static io.shardrun.core.TestSuites.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.action.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteExtensionsTest {
  static final String MV3 = """
      {"manifest_version": 3, "name": "marker", "version": "1.0.2",
       "background": {"service_worker": "worker.js"},
       "content_scripts": [{"matches": ["<all_urls>"], "js": ["content.js"], "css": ["style/marker.css"]}],
       "permissions": ["storage"], "host_permissions": ["http://127.0.0.1/*"],
       "icons": {"16": "icon.svg"}, "action": {"default_popup": "popup.html"}}""";
  static final String MV2 = """
      {"manifest_version": 2, "name": "legacy", "version": "2",
       "background": {"scripts": ["bg.js"]},
       "browser_action": {"default_icon": "icon.svg"}, "permissions": ["tabs"]}""";
  static final String USES_MARKER = "{\"meta\": {\"extensions\": [\"marker\"]}, \"steps\": [{\"command\": \"echo\", \"target\": \"hi\"}]}";

  static String[] marker(String manifest) {
    return new String[] {
        "extensions/marker/manifest.json", manifest,
        "extensions/marker/worker.js", "",
        "extensions/marker/content.js", "document.body.append('x')",
        "extensions/marker/style/marker.css", "div {}",
        "extensions/marker/icon.svg", "<svg/>",
        "extensions/marker/popup.html", "<p>hi</p>"};
  }

  static String[] with(String[] files, String... more) {
    String[] all = java.util.Arrays.copyOf(files, files.length + more.length);
    System.arraycopy(more, 0, all, files.length, more.length);
    return all;
  }

  @Test
  void validManifestsV3AndV2AreAcceptedAndTheirFilesAreNotActionFiles() {
    SuiteParser.Result result = parse(with(marker(MV3),
        "extensions/legacy/manifest.json", MV2, "extensions/legacy/bg.js", "", "extensions/legacy/icon.svg", "<svg/>",
        "extensions/legacy/_locales/en/messages.json", "{}",
        "uses.json", USES_MARKER));

    assertThat(result.problems()).isEmpty();
    assertThat(result.suite().files()).containsOnlyKeys("uses.json");
    assertThat(result.suite().file("uses.json").meta().extensions()).containsExactly("marker");
  }

  @Test
  void aBrokenManifestIsAProblemNamingTheManifestAndTheField() {
    assertThat(parse(marker("""
        {"manifest_version": "three", "version": "1.x",
         "content_scripts": [{"js": ["content.js"]}, {"matches": ["<all_urls>"]}, {"matches": [], "css": ["gone.css"]}]}""")).problems())
        .containsExactlyInAnyOrder(
            problem("manifest_version", "expected 2 or 3 (Manifest V2 or V3), found \"three\""),
            problem("name", "missing; expected a non-empty string"),
            problem("version", "expected one to four dot-separated whole numbers up to 65535 (such as 1.0.2), found '1.x'"),
            problem("content_scripts[0].matches", "missing; expected the URL patterns of the pages to inject into, such as [\"<all_urls>\"]"),
            problem("content_scripts[1].js", "missing; a content script needs js or css files"),
            problem("content_scripts[2].matches", "expected a non-empty list of strings, found an empty list"),
            problem("content_scripts[2].css[0]",
                "'gone.css' is not in extensions/marker/; Chromium does not load an extension whose files are missing"));
  }

  @Test
  void manifestVersionOneOrMissingIsAProblem() {
    assertThat(parse(marker("{\"manifest_version\": 1, \"name\": \"m\", \"version\": \"1\"}")).problems())
        .containsExactly(problem("manifest_version", "expected 2 or 3 (Manifest V2 or V3), found 1"));
    assertThat(parse(marker("{\"name\": \"m\", \"version\": \"1\"}")).problems())
        .containsExactly(problem("manifest_version", "missing; expected 2 or 3 (Manifest V2 or V3)"));
  }

  @Test
  void theBackgroundMustMatchTheManifestVersion() {
    assertThat(parse(marker("{\"manifest_version\": 3, \"name\": \"m\", \"version\": \"1\", \"background\": {\"scripts\": [\"worker.js\"]}}")).problems())
        .containsExactly(problem("background.service_worker", "missing; a Manifest V3 extension's background is a service worker"));
    assertThat(parse(marker("{\"manifest_version\": 2, \"name\": \"m\", \"version\": \"1\", \"background\": {\"service_worker\": \"worker.js\"}}")).problems())
        .containsExactly(problem("background.service_worker",
            "a service worker needs manifest_version 3; Manifest V2 has background.scripts or page"));
  }

  @Test
  void everyFileTheManifestNamesMustBeThere() {
    assertThat(parse(marker("""
        {"manifest_version": 3, "name": "m", "version": "1", "background": {"service_worker": "sw.js"},
         "icons": {"48": "icons/48.png"}, "action": {"default_icon": "a.png", "default_popup": "../popup.html"},
         "options_ui": {"page": "options.html"}, "default_locale": "de", "permissions": ["storage", 7]}""")).problems())
        .containsExactlyInAnyOrder(
            missing("background.service_worker", "sw.js"),
            missing("icons.48", "icons/48.png"),
            missing("action.default_icon", "a.png"),
            problem("action.default_popup", "'../popup.html' is outside the extension's folder extensions/marker/"),
            missing("options_ui.page", "options.html"),
            missing("default_locale", "_locales/de/messages.json"),
            problem("permissions[1]", "expected a non-empty string, found number 7"));
  }

  @Test
  void aFileUsingABrokenOrUnknownExtensionIsAProblemAtItsField() {
    SuiteParser.Result result = parse(with(marker("{\"manifest_version\": 3, \"version\": \"1\"}"),
        "uses.json", USES_MARKER,
        "other.json", "{\"meta\": {\"extensions\": [\"adblock\"]}, \"steps\": [{\"command\": \"echo\"}]}",
        "plain.json", "{\"steps\": [{\"command\": \"echo\"}]}"));

    assertThat(result.problems()).containsExactly(
        problem("name", "missing; expected a non-empty string"),
        new Problem("other.json", "meta.extensions[0]",
            "unknown extension 'adblock'; expected the name of a folder under extensions/ (the suite has marker)"),
        new Problem("uses.json", "meta.extensions[0]", "extension 'marker' has problems; see extensions/marker/"));
    assertThat(result.suite().files()).containsOnlyKeys("plain.json");
  }

  @Test
  void aMissingManifestAFileOutsideAFolderAndOddNamesAreProblems() {
    assertThat(parse(
        "extensions/notes.txt", "loose",
        "extensions/no-manifest/content.js", "",
        "extensions/a,b/manifest.json", "{\"manifest_version\": 3, \"name\": \"m\", \"version\": \"1\"}",
        "extensions/reserved/manifest.json", "{\"manifest_version\": 3, \"name\": \"m\", \"version\": \"1\"}",
        "extensions/reserved/_private/x.js", "").problems())
        .containsExactly(
            new Problem("extensions/a,b", null, "an extension's folder name holds only letters, digits, '.', '_' and '-'"
                + " (it becomes part of Chromium's comma-separated --load-extension flag): rename it"),
            new Problem("extensions/no-manifest/manifest.json", null,
                "missing: each folder under extensions/ is an unpacked extension and needs a manifest.json"),
            new Problem("extensions/notes.txt", null, "an extension's files go in a folder of its own: extensions/NAME/manifest.json"),
            new Problem("extensions/reserved/_private", null,
                "Chromium reserves names starting with '_' at the top of an extension (only _locales is allowed): rename it"));
  }

  @Test
  void aBinaryFileInAnExtensionIsAProblemThatLeavesTheExtensionBroken(@TempDir Path dir) throws Exception {
    Path ext = Files.createDirectories(dir.resolve("extensions/marker"));
    Files.writeString(ext.resolve("manifest.json"), "{\"manifest_version\": 3, \"name\": \"m\", \"version\": \"1\", \"icons\": {\"16\": \"icon.png\"}}");
    Files.write(ext.resolve("icon.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff, 0});
    Files.writeString(dir.resolve("uses.json"), USES_MARKER);

    assertThat(SuiteParser.parse(SuiteFiles.fromDirectory(dir)).problems()).containsExactly(
        new Problem("extensions/marker/icon.png", null, "not UTF-8 text; an extension's files travel in the suite ConfigMap"
            + " as text: leave out icons, images and other binary files"),
        new Problem("uses.json", "meta.extensions[0]", "extension 'marker' has problems; see extensions/marker/"));
  }

  @Test
  void aSuiteFolderIsReadWithEveryTextFileOfItsExtensions(@TempDir Path dir) throws Exception {
    Path ext = Files.createDirectories(dir.resolve("extensions/marker"));
    Files.createDirectories(ext.resolve("style"));
    for (String[] file : List.of(new String[] {"manifest.json", MV3}, new String[] {"worker.js", ""},
        new String[] {"content.js", "x"}, new String[] {"style/marker.css", "div {}"}, new String[] {"icon.svg", "<svg/>"},
        new String[] {"popup.html", "<p/>"})) {
      Files.writeString(ext.resolve(file[0]), file[1]);
    }
    Files.writeString(dir.resolve("uses.json"), USES_MARKER);
    Files.writeString(dir.resolve("notes.txt"), "outside extensions/: not part of the suite");

    SuiteFiles files = SuiteFiles.fromDirectory(dir);

    assertThat(files.files()).extracting(SuiteFile::path).containsExactly("extensions/marker/content.js",
        "extensions/marker/icon.svg", "extensions/marker/manifest.json", "extensions/marker/popup.html",
        "extensions/marker/style/marker.css", "extensions/marker/worker.js", "uses.json");
    assertThat(SuiteParser.parse(files).problems()).isEmpty();
  }

  private static Problem problem(String where, String message) {
    return new Problem("extensions/marker/manifest.json", where, message);
  }

  private static Problem missing(String where, String file) {
    return problem(where, "'" + file + "' is not in extensions/marker/; Chromium does not load an extension whose files are missing");
  }
}
