package io.shardrun.core.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardrun.core.action.JsonReader;
import io.shardrun.core.action.Problem;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one unpacked extension's {@code manifest.json} (Manifest V2 or V3) for what makes
 * Chromium refuse to load it: the required fields, the background and content scripts, the
 * permission lists, and every file it names being in the extension's folder. Fields Chromium
 * merely warns about are left to it.
 */
final class ManifestChecker {
  static final String MANIFEST = "manifest.json";
  /** Chromium's rule: one to four dot-separated whole numbers. */
  private static final Pattern VERSION = Pattern.compile("\\d{1,5}(\\.\\d{1,5}){0,3}");
  private static final int MAX_VERSION_PART = 65535;

  private final String dir;
  private final Set<String> files;
  private final JsonReader reader;

  private ManifestChecker(String dir, Set<String> files, List<Problem> problems) {
    this.dir = dir;
    this.files = files;
    this.reader = new JsonReader(dir + MANIFEST, problems);
  }

  /**
   * @param dir the extension's folder in the suite, ending in '/': {@code extensions/NAME/}
   * @param content the manifest's text
   * @param files every file of the folder, relative to it
   */
  static void check(String dir, String content, Set<String> files, List<Problem> problems) {
    ManifestChecker checker = new ManifestChecker(dir, files, problems);
    checker.reader.parseObject(content).ifPresent(checker::check);
  }

  private void check(ObjectNode manifest) {
    int version = manifestVersion(manifest.get("manifest_version"));
    requiredText(manifest, "name");
    requiredText(manifest, "version").ifPresent(this::checkVersion);
    object(manifest, "background").ifPresent(background -> background(background, version));
    contentScripts(manifest.get("content_scripts"));
    for (String list : List.of("permissions", "optional_permissions", "host_permissions")) {
      strings(manifest.get(list), list, false);
    }
    icons(manifest.get("icons"), "icons");
    for (String action : List.of("action", "browser_action", "page_action")) {
      object(manifest, action).ifPresent(a -> {
        fileField(a, action, "default_popup");
        icons(a.get("default_icon"), action + ".default_icon");
      });
    }
    fileField(manifest, null, "options_page");
    object(manifest, "options_ui").ifPresent(o -> fileField(o, "options_ui", "page"));
    fileField(manifest, null, "devtools_page");
    JsonNode locale = manifest.get("default_locale");
    if (locale != null && locale.isTextual()) {
      // Chromium reads the default locale's messages at load; without them it refuses the extension.
      present("_locales/" + locale.asText() + "/messages.json", "default_locale");
    } else if (locale != null) {
      reader.problem("default_locale", "expected a string, found " + JsonReader.kind(locale));
    }
  }

  /** 2 or 3; 0 when missing or wrong (reported), so checks that depend on it are skipped. */
  private int manifestVersion(JsonNode node) {
    if (node != null && node.isIntegralNumber() && (node.asInt() == 2 || node.asInt() == 3)) {
      return node.asInt();
    }
    reader.problem("manifest_version", node == null
        ? "missing; expected 2 or 3 (Manifest V2 or V3)"
        : "expected 2 or 3 (Manifest V2 or V3), found " + node);
    return 0;
  }

  private void checkVersion(String version) {
    boolean ok = VERSION.matcher(version).matches();
    for (String part : ok ? version.split("\\.") : new String[0]) {
      ok &= Integer.parseInt(part) <= MAX_VERSION_PART;
    }
    if (!ok) {
      reader.problem("version", "expected one to four dot-separated whole numbers up to 65535 (such as 1.0.2), found '"
          + version + "'");
    }
  }

  private void background(ObjectNode background, int version) {
    if (version == 3) {
      if (!background.has("service_worker")) {
        reader.problem("background.service_worker", "missing; a Manifest V3 extension's background is a service worker");
      }
      fileField(background, "background", "service_worker");
    } else if (version == 2) {
      if (background.has("service_worker")) {
        reader.problem("background.service_worker", "a service worker needs manifest_version 3; Manifest V2 has background.scripts or page");
      } else if (!background.has("scripts") && !background.has("page")) {
        reader.problem("background", "expected scripts or page: a Manifest V2 extension's background runs in a page");
      }
      files(background.get("scripts"), "background.scripts");
      fileField(background, "background", "page");
    }
  }

  private void contentScripts(JsonNode scripts) {
    if (scripts == null) {
      return;
    }
    if (!scripts.isArray()) {
      reader.problem("content_scripts", "expected a list of content scripts, found " + JsonReader.kind(scripts));
      return;
    }
    for (int i = 0; i < scripts.size(); i++) {
      String where = "content_scripts[" + i + "]";
      JsonNode script = scripts.get(i);
      if (!script.isObject()) {
        reader.problem(where, "expected an object with matches and js or css, found " + JsonReader.kind(script));
        continue;
      }
      if (!script.has("matches")) {
        reader.problem(where + ".matches", "missing; expected the URL patterns of the pages to inject into, such as [\"<all_urls>\"]");
      } else {
        strings(script.get("matches"), where + ".matches", true);
      }
      if (!script.has("js") && !script.has("css")) {
        reader.problem(where + ".js", "missing; a content script needs js or css files");
      }
      files(script.get("js"), where + ".js");
      files(script.get("css"), where + ".css");
    }
  }

  /** {@code icons} and {@code default_icon}: a file, or an object of sizes to files. */
  private void icons(JsonNode icons, String where) {
    if (icons == null) {
      return;
    }
    if (icons.isTextual()) {
      present(icons.asText(), where);
    } else if (icons.isObject()) {
      icons.fields().forEachRemaining(e -> fileNode(e.getValue(), where + "." + e.getKey()));
    } else {
      reader.problem(where, "expected a file or an object of sizes to files, found " + JsonReader.kind(icons));
    }
  }

  private void files(JsonNode list, String where) {
    if (list == null) {
      return;
    }
    if (!list.isArray()) {
      reader.problem(where, "expected a list of files, found " + JsonReader.kind(list));
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      fileNode(list.get(i), where + "[" + i + "]");
    }
  }

  private void fileField(ObjectNode object, String where, String field) {
    JsonNode node = object.get(field);
    if (node != null) {
      fileNode(node, where == null ? field : where + "." + field);
    }
  }

  private void fileNode(JsonNode node, String where) {
    if (node.isTextual() && !node.asText().isBlank()) {
      present(node.asText(), where);
    } else {
      reader.problem(where, "expected a file name, found " + JsonReader.kind(node));
    }
  }

  /** The file a field names is in the extension's folder: Chromium refuses an extension with one missing. */
  private void present(String name, String where) {
    String path = name.startsWith("/") ? name.substring(1) : name;
    if (List.of(path.split("/")).contains("..")) {
      reader.problem(where, "'" + name + "' is outside the extension's folder " + dir);
    } else if (!files.contains(path)) {
      reader.problem(where, "'" + name + "' is not in " + dir + "; Chromium does not load an extension whose files are missing");
    }
  }

  private void strings(JsonNode list, String where, boolean nonEmpty) {
    if (list == null) {
      return;
    }
    if (!list.isArray() || (nonEmpty && list.isEmpty())) {
      reader.problem(where, "expected a " + (nonEmpty ? "non-empty " : "") + "list of strings, found " + JsonReader.kind(list));
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      if (!list.get(i).isTextual() || list.get(i).asText().isBlank()) {
        reader.problem(where + "[" + i + "]", "expected a non-empty string, found " + JsonReader.kind(list.get(i)));
      }
    }
  }

  private Optional<String> requiredText(ObjectNode manifest, String field) {
    JsonNode node = manifest.get(field);
    if (node == null) {
      reader.problem(field, "missing; expected a non-empty string");
    } else if (!node.isTextual() || node.asText().isBlank()) {
      reader.problem(field, "expected a non-empty string, found " + JsonReader.kind(node));
    } else {
      return Optional.of(node.asText());
    }
    return Optional.empty();
  }

  private Optional<ObjectNode> object(ObjectNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null) {
      return Optional.empty();
    }
    if (!node.isObject()) {
      reader.problem(field, "expected an object, found " + JsonReader.kind(node));
      return Optional.empty();
    }
    return Optional.of((ObjectNode) node);
  }
}
