package io.shardrun.core.suite;

import io.shardrun.core.action.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The raw files of a suite, sorted by path: action files anywhere, templates under
 * {@code templates/}, the performance budgets in {@code budgets.json} and the variants in
 * {@code variants.json} at the root, and every file of the unpacked Chrome extensions under
 * {@code extensions/NAME/}. Hidden files and folders (a name starting with '.') are not part of it.
 *
 * @param files the files that could be read
 * @param problems what could not be read (a file or folder without permission, not UTF-8 text, a
 *     broken symbolic link or loop, a name with a control character), so that one pass reports
 *     them with everything else
 */
public record SuiteFiles(List<SuiteFile> files, List<Problem> problems) {
  public static final String TEMPLATES_DIR = "templates/";
  public static final String BUDGETS_FILE = "budgets.json";
  public static final String VARIANTS_FILE = "variants.json";
  public static final String EXTENSIONS_DIR = "extensions/";

  public SuiteFiles {
    files = files.stream().sorted(Comparator.comparing(SuiteFile::path)).toList();
    problems = List.copyOf(problems);
  }

  public SuiteFiles(List<SuiteFile> files) {
    this(files, List.of());
  }

  /** Reads the suite's files below {@code root} ({@link #isSuiteFile}). */
  public static SuiteFiles fromDirectory(Path root) {
    return fromDirectory(root, file -> false);
  }

  /**
   * Reads the suite's files below {@code root} but those {@code skip} accepts: what a
   * local run writes (results, history) when its output folder is inside the suite.
   *
   * @throws SuiteException when {@code root} is not a readable folder
   */
  public static SuiteFiles fromDirectory(Path root, Predicate<Path> skip) {
    if (!Files.isDirectory(root)) {
      throw new SuiteException("suite folder " + root + " does not exist or is not a folder");
    }
    return SuiteFolderReader.read(root, skip);
  }

  /** The total size as a ConfigMap counts it: keys plus UTF-8 contents. */
  public long sizeBytes() {
    return files.stream()
        .mapToLong(f -> f.key().length() + (long) f.content().getBytes(StandardCharsets.UTF_8).length)
        .sum();
  }

  public boolean isEmpty() {
    return files.isEmpty();
  }

  /** Whether the file at a suite path is an action file: not a template, budgets.json, variants.json or part of an extension. */
  public static boolean isActionFile(String path) {
    return !path.startsWith(TEMPLATES_DIR) && !path.equals(BUDGETS_FILE) && !path.equals(VARIANTS_FILE)
        && !path.startsWith(EXTENSIONS_DIR);
  }

  /** Whether a suite path is part of the suite: a {@code *.json} file, or any file under extensions/; never a hidden one. */
  public static boolean isSuiteFile(String path) {
    return !isHidden(path) && (path.endsWith(".json") || path.startsWith(EXTENSIONS_DIR));
  }

  /** Whether a suite path is hidden (it, or a folder it is in, starts with '.'): never part of a suite. */
  public static boolean isHidden(String path) {
    return path.startsWith(".") || path.contains("/.");
  }
}
