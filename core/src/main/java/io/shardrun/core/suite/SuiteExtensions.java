package io.shardrun.core.suite;

import io.shardrun.core.action.ActionFile;
import io.shardrun.core.action.Problem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The suite's unpacked Chrome extensions, one per folder {@code extensions/NAME/}, each checked as
 * Chromium would load it, and the action files' {@code meta.extensions} checked against them.
 */
final class SuiteExtensions {
  /**
   * What an extension's folder may be called: its path becomes part of Chromium's
   * comma-separated {@code --load-extension} flag, so no comma or anything else odd.
   */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  /** The one top-level name starting with '_' Chromium allows in an extension; it reserves the others. */
  private static final String LOCALES = "_locales";

  private final SortedSet<String> usable = new TreeSet<>();
  private final SortedSet<String> broken = new TreeSet<>();

  private SuiteExtensions() {}

  /** Checks every extension of the suite, adding what is wrong to {@code problems}. */
  static SuiteExtensions check(SuiteFiles suite, List<Problem> problems) {
    Map<String, Map<String, String>> contents = new TreeMap<>();
    Map<String, Set<String>> unreadable = new TreeMap<>();
    for (SuiteFile file : suite.files()) {
      if (!file.path().startsWith(SuiteFiles.EXTENSIONS_DIR)) {
        continue;
      }
      int slash = file.path().indexOf('/', SuiteFiles.EXTENSIONS_DIR.length());
      if (slash < 0) {
        problems.add(new Problem(file.path(), null, "an extension's files go in a folder of its own: extensions/NAME/manifest.json"));
      } else {
        contents.computeIfAbsent(file.path().substring(SuiteFiles.EXTENSIONS_DIR.length(), slash), n -> new TreeMap<>())
            .put(file.path().substring(slash + 1), file.content());
      }
    }
    for (Problem problem : suite.problems()) {
      // A file that could not be read (an icon, say) is there, reported already, and leaves its extension broken.
      int slash = problem.file().indexOf('/', SuiteFiles.EXTENSIONS_DIR.length());
      if (problem.file().startsWith(SuiteFiles.EXTENSIONS_DIR) && slash > 0) {
        String name = problem.file().substring(SuiteFiles.EXTENSIONS_DIR.length(), slash);
        contents.computeIfAbsent(name, n -> new TreeMap<>());
        unreadable.computeIfAbsent(name, n -> new TreeSet<>()).add(problem.file().substring(slash + 1));
      }
    }
    SuiteExtensions extensions = new SuiteExtensions();
    contents.forEach((name, files) -> {
      Set<String> bad = unreadable.getOrDefault(name, Set.of());
      boolean ok = checkOne(name, files, bad, problems) && bad.isEmpty();
      (ok ? extensions.usable : extensions.broken).add(name);
    });
    return extensions;
  }

  /** Whether the extension has no problem of its own. */
  private static boolean checkOne(String name, Map<String, String> files, Set<String> unreadable, List<Problem> problems) {
    String dir = SuiteFiles.EXTENSIONS_DIR + name + "/";
    int before = problems.size();
    if (!NAME.matcher(name).matches()) {
      problems.add(new Problem(SuiteFiles.EXTENSIONS_DIR + name, null, "an extension's folder name holds only letters, digits,"
          + " '.', '_' and '-' (it becomes part of Chromium's comma-separated --load-extension flag): rename it"));
    }
    Set<String> all = new TreeSet<>(files.keySet());
    all.addAll(unreadable);
    all.stream().map(f -> f.split("/", 2)[0]).distinct().filter(top -> top.startsWith("_") && !top.equals(LOCALES))
        .forEach(top -> problems.add(new Problem(dir + top, null,
            "Chromium reserves names starting with '_' at the top of an extension (only _locales is allowed): rename it")));
    String manifest = files.get(ManifestChecker.MANIFEST);
    if (manifest != null) {
      ManifestChecker.check(dir, manifest, all, problems);
    } else if (!unreadable.contains(ManifestChecker.MANIFEST)) {
      problems.add(new Problem(dir + ManifestChecker.MANIFEST, null,
          "missing: each folder under extensions/ is an unpacked extension and needs a manifest.json"));
    }
    return problems.size() == before;
  }

  /** Every name in the file's {@code meta.extensions} is an extension of the suite without problems. */
  void checkReferences(ActionFile file, List<Problem> problems) {
    List<String> names = file.meta().extensions();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      String where = "meta.extensions[" + i + "]";
      if (broken.contains(name)) {
        problems.add(new Problem(file.path(), where, "extension '" + name + "' has problems; see " + SuiteFiles.EXTENSIONS_DIR + name + "/"));
      } else if (!usable.contains(name)) {
        SortedSet<String> known = new TreeSet<>(usable);
        known.addAll(broken);
        problems.add(new Problem(file.path(), where, "unknown extension '" + name + "'; expected the name of a folder under "
            + SuiteFiles.EXTENSIONS_DIR + " (" + (known.isEmpty() ? "the suite has none" : "the suite has " + String.join(", ", known)) + ")"));
      }
    }
  }
}
