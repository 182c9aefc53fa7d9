package io.shardrun.core.select;

import io.shardrun.core.action.ActionFile;
import io.shardrun.core.suite.Suite;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Applies {@link SelectionCriteria} to a suite. */
public final class Selection {
  private Selection() {}

  /**
   * The files to run, in the suite's topological order: those matching every criterion, plus
   * everything they depend on (an upstream file must run first even if a filter left it out).
   */
  public static List<String> select(Suite suite, SelectionCriteria criteria) {
    Set<String> candidates = criteria.changedFiles() == null || criteria.changedFirst()
        ? suite.files().keySet()
        : affectedBy(suite, criteria.changedFiles());
    Set<String> chosen = new TreeSet<>();
    for (String path : candidates) {
      ActionFile file = suite.file(path);
      if (matchesTags(file, criteria) && matchesPaths(path, criteria)
          && (criteria.rerunOnly() == null || criteria.rerunOnly().contains(path))) {
        chosen.add(path);
      }
    }
    Set<String> withUpstream = suite.graph().withUpstream(chosen);
    return suite.graph().order().stream().filter(withUpstream::contains).toList();
  }

  /**
   * The selected files that run before the rest: with changed files first, those the change
   * affects and everything they depend on; empty otherwise.
   *
   * @param selected what {@link #select} chose
   */
  public static Set<String> first(Suite suite, SelectionCriteria criteria, List<String> selected) {
    if (criteria.changedFiles() == null || !criteria.changedFirst()) {
      return Set.of();
    }
    Set<String> affected = new TreeSet<>(affectedBy(suite, criteria.changedFiles()));
    affected.retainAll(selected);
    return suite.graph().withUpstream(affected);
  }

  /**
   * Files a change touches: changed action files (a changed path equal to a file's suite path or
   * ending in '/' + it, so repository-relative paths work), files whose meta.covers globs match a
   * changed path, and everything downstream of those.
   */
  static Set<String> affectedBy(Suite suite, Collection<String> changed) {
    FileSystem fs = FileSystems.getDefault();
    List<String> paths = changed.stream().map(c -> c.replace('\\', '/')).toList();
    Set<String> direct = new TreeSet<>();
    for (String path : paths) {
      changedActionFile(suite, path).ifPresent(direct::add);
    }
    for (ActionFile file : suite.files().values()) {
      List<PathMatcher> covers = file.meta().covers().stream().map(g -> fs.getPathMatcher("glob:" + g)).toList();
      if (paths.stream().anyMatch(p -> covers.stream().anyMatch(m -> m.matches(Path.of(p))))) {
        direct.add(file.path());
      }
    }
    return suite.graph().withDownstream(direct);
  }

  /**
   * The action file a changed path is: the one whose suite path equals it or is its longest
   * '/'-bounded suffix ({@code e2e/suite/shop/search.json} is {@code shop/search.json}, not a
   * top-level {@code search.json}).
   */
  private static java.util.Optional<String> changedActionFile(Suite suite, String path) {
    String candidate = path;
    while (!suite.files().containsKey(candidate)) {
      int slash = candidate.indexOf('/');
      if (slash < 0) {
        return java.util.Optional.empty();
      }
      candidate = candidate.substring(slash + 1);
    }
    return java.util.Optional.of(candidate);
  }

  private static boolean matchesTags(ActionFile file, SelectionCriteria criteria) {
    List<String> tags = file.meta().tags();
    boolean wanted = criteria.tags().isEmpty() || tags.stream().anyMatch(criteria.tags()::contains);
    return wanted && tags.stream().noneMatch(criteria.excludeTags()::contains);
  }

  private static boolean matchesPaths(String path, SelectionCriteria criteria) {
    boolean wanted = criteria.include().isEmpty() || criteria.include().stream().anyMatch(p -> found(p, path));
    return wanted && criteria.exclude().stream().noneMatch(p -> found(p, path));
  }

  private static boolean found(Pattern pattern, String path) {
    return pattern.matcher(path).find();
  }
}
