package io.shardrun.core.select;

import io.shardrun.core.variant.VariantIds;
import io.shardrun.crd.v1alpha1.ChangedMode;
import io.shardrun.core.results.FileResult;
import io.shardrun.crd.v1alpha1.Selector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What to run out of a suite. Every criterion that is set must hold.
 *
 * @param tags at least one of these tags (empty: any)
 * @param excludeTags none of these tags
 * @param include path matches at least one (empty: any)
 * @param exclude path matches none
 * @param changedFiles null when not used; else only changed files, their downstream and covering
 *     files, or with {@code changedFirst} those files first
 * @param rerunOnly null when not used; else only these files (the failed ones of an earlier run)
 * @param changedFirst whether changedFiles orders the run (affected files first) instead of narrowing it
 */
public record SelectionCriteria(
    Set<String> tags,
    Set<String> excludeTags,
    List<Pattern> include,
    List<Pattern> exclude,
    List<String> changedFiles,
    Set<String> rerunOnly,
    boolean changedFirst) {

  /** Criteria whose changed files, if any, narrow the run. */
  public SelectionCriteria(Set<String> tags, Set<String> excludeTags, List<Pattern> include, List<Pattern> exclude,
      List<String> changedFiles, Set<String> rerunOnly) {
    this(tags, excludeTags, include, exclude, changedFiles, rerunOnly, false);
  }

  /** The same criteria with the changed files ordering the run instead of narrowing it. */
  public SelectionCriteria withChangedFirst() {
    return new SelectionCriteria(tags, excludeTags, include, exclude, changedFiles, rerunOnly, true);
  }

  public static SelectionCriteria all() {
    return new SelectionCriteria(Set.of(), Set.of(), List.of(), List.of(), null, null);
  }

  /** From a TestRun's spec.selector; regex errors name the field, e.g. spec.selector.include[1]. */
  public static SelectionCriteria fromSpec(Selector selector) {
    Selector s = selector == null ? new Selector() : selector;
    return new SelectionCriteria(
        Set.copyOf(s.getTags()),
        Set.copyOf(s.getExcludeTags()),
        compile(s.getInclude(), "spec.selector.include"),
        compile(s.getExclude(), "spec.selector.exclude"),
        s.getChangedFiles().isEmpty() ? null : List.copyOf(s.getChangedFiles()),
        null,
        s.getChangedMode() == ChangedMode.FIRST);
  }

  /** Narrowed to {@code files}; a file named with a variant (PATH#VARIANT) selects the file, in all its variants. */
  public SelectionCriteria withRerunOnly(Set<String> files) {
    return new SelectionCriteria(tags, excludeTags, include, exclude, changedFiles,
        files.stream().map(VariantIds::path).collect(java.util.stream.Collectors.toUnmodifiableSet()), changedFirst);
  }

  /** Narrowed to the files that failed or errored in {@code previous} (rerun-failed). */
  public SelectionCriteria withRerunOf(Collection<FileResult> previous) {
    return withRerunOnly(previous.stream().filter(r -> r.status().isBad()).map(FileResult::file)
        .collect(java.util.stream.Collectors.toSet()));
  }

  /**
   * Compiles regexes; an invalid one throws {@link IllegalArgumentException} naming
   * {@code field[i]}, the expression and the error.
   */
  public static List<Pattern> compile(List<String> regexes, String field) {
    List<Pattern> out = new ArrayList<>();
    for (int i = 0; i < regexes.size(); i++) {
      try {
        out.add(Pattern.compile(regexes.get(i)));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(field + "[" + i + "]: invalid regular expression '" + regexes.get(i)
            + "': " + e.getDescription() + " near index " + e.getIndex());
      }
    }
    return out;
  }
}
