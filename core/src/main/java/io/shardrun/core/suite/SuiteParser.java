package io.shardrun.core.suite;

import io.shardrun.core.action.ActionFile;
import io.shardrun.core.action.ActionFileParser;
import io.shardrun.core.action.Problem;
import io.shardrun.core.action.Template;
import io.shardrun.core.action.TemplateLibrary;
import io.shardrun.core.action.TemplateParser;
import io.shardrun.core.budget.Budgets;
import io.shardrun.core.budget.BudgetsParser;
import io.shardrun.core.variant.Variants;
import io.shardrun.core.variant.VariantsParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Parses a whole suite: templates, budgets, variants and extensions first, then every action file, then depends_on. All problems
 * are collected, so one pass reports everything that is wrong.
 */
public final class SuiteParser {
  private SuiteParser() {}

  /**
   * The parsed suite and its problems.
   *
   * @param suite the files without problems (and with resolvable dependencies)
   * @param problems everything wrong, in file order
   */
  public record Result(Suite suite, List<Problem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }

    /** The suite, or an exception listing every problem. */
    public Suite orThrow() {
      if (!ok()) {
        throw new SuiteException(describeProblems());
      }
      return suite;
    }

    /** Every problem in one message: how many, then one per line. */
    public String describeProblems() {
      return "the suite has " + problems.size() + " problem(s):\n  "
          + String.join("\n  ", problems.stream().map(Problem::toString).toList());
    }
  }

  public static Result parse(SuiteFiles files) {
    List<Problem> problems = new ArrayList<>(files.problems());
    List<Template> custom = new ArrayList<>();
    Map<String, String> broken = new TreeMap<>();
    for (SuiteFile file : files.files()) {
      if (file.path().startsWith(SuiteFiles.TEMPLATES_DIR)) {
        String name = file.path().substring(SuiteFiles.TEMPLATES_DIR.length()).replaceFirst("\\.json$", "");
        if (name.contains("/")) {
          problems.add(new Problem(file.path(), null, "templates must be directly in templates/ (the file name is the template name)"));
        } else if (TemplateParser.parse(name, file.path(), file.content(), problems).map(custom::add).isEmpty()) {
          broken.put(name, file.path());
        }
      }
    }
    Budgets budgets = files.files().stream().filter(f -> f.path().equals(SuiteFiles.BUDGETS_FILE)).findFirst()
        .map(f -> BudgetsParser.parse(f.path(), f.content(), problems)).orElse(Budgets.NONE);
    Variants variants = files.files().stream().filter(f -> f.path().equals(SuiteFiles.VARIANTS_FILE)).findFirst()
        .map(f -> VariantsParser.parse(f.path(), f.content(), problems)).orElse(Variants.NONE);
    SuiteExtensions extensions = SuiteExtensions.check(files, problems);
    ActionFileParser parser = new ActionFileParser(TemplateLibrary.builtIns().with(custom, broken));
    SortedMap<String, ActionFile> parsed = new TreeMap<>();
    List<String> unusable = new ArrayList<>();
    for (SuiteFile file : files.files()) {
      if (SuiteFiles.isActionFile(file.path())) {
        int before = problems.size();
        parser.parse(file.path(), file.content(), problems).ifPresent(f -> {
          parsed.put(f.path(), f);
          BudgetReferences.check(f, budgets, problems);
          extensions.checkReferences(f, problems);
        });
        if (problems.size() > before) {
          unusable.add(file.path());
        }
      }
    }
    Map<String, List<String>> upstream = new TreeMap<>();
    unusable.addAll(resolveDependencies(parsed, files, upstream, problems));
    for (List<String> found = DependencyGraph.findCycle(upstream); !found.isEmpty(); found = DependencyGraph.findCycle(upstream)) {
      List<String> cycle = found;
      problems.add(new Problem(cycle.get(0), "meta.depends_on", "dependency cycle: " + String.join(" -> ", cycle)));
      unusable.addAll(cycle);
      // Break the cycle by dropping the cycle's own edges only: edges into it from other files
      // must stay so that those files are dropped below as downstream of an unusable file.
      cycle.forEach(f -> upstream.get(f).clear());
    }
    // A file whose dependency is unusable cannot be planned, nor can anything downstream of it.
    for (String gone : new DependencyGraph(upstream).withDownstream(unusable.stream().filter(upstream::containsKey).toList())) {
      parsed.remove(gone);
      upstream.remove(gone);
    }
    upstream.values().forEach(deps -> deps.retainAll(upstream.keySet()));
    unusable.forEach(parsed::remove);
    problems.sort(java.util.Comparator.comparing(Problem::file));
    return new Result(new Suite(parsed, new DependencyGraph(upstream), budgets, variants), problems);
  }

  /**
   * Fills {@code upstream} with each parsed file's resolved dependencies (only edges between
   * parsed files) and returns the files whose depends_on cannot be satisfied.
   */
  private static List<String> resolveDependencies(SortedMap<String, ActionFile> parsed, SuiteFiles all,
      Map<String, List<String>> upstream, List<Problem> problems) {
    Map<String, List<String>> byBasename = new LinkedHashMap<>();
    java.util.Set<String> paths = new java.util.HashSet<>();
    for (SuiteFile f : all.files()) {
      if (SuiteFiles.isActionFile(f.path())) {
        paths.add(f.path());
        byBasename.computeIfAbsent(f.path().substring(f.path().lastIndexOf('/') + 1), k -> new ArrayList<>()).add(f.path());
      }
    }
    List<String> unusable = new ArrayList<>();
    for (ActionFile file : parsed.values()) {
      List<String> deps = new ArrayList<>();
      List<String> names = file.meta().dependsOn();
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        String where = "meta.depends_on[" + i + "]";
        List<String> matches = paths.contains(name) ? List.of(name) : byBasename.getOrDefault(name, List.of());
        if (matches.isEmpty()) {
          problems.add(new Problem(file.path(), where, "unknown file '" + name + "'; expected the name or suite-relative path of an action file"));
          unusable.add(file.path());
        } else if (matches.size() > 1) {
          problems.add(new Problem(file.path(), where, "'" + name + "' matches several files (" + String.join(", ", matches) + "); write the path relative to the suite root"));
          unusable.add(file.path());
        } else if (matches.get(0).equals(file.path())) {
          problems.add(new Problem(file.path(), where, "dependency cycle: " + file.path() + " -> " + file.path()));
          unusable.add(file.path());
        } else if (!parsed.containsKey(matches.get(0))) {
          unusable.add(file.path()); // the dependency has problems of its own, reported there
        } else {
          deps.add(matches.get(0));
        }
      }
      upstream.put(file.path(), deps);
    }
    return unusable;
  }
}
