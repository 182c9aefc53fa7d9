package io.shardrun.core.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The raw files of a suite, sorted by path: action files anywhere, templates under
 * {@code templates/}. Hidden files and folders (a name starting with '.') are not part of it.
 */
public record SuiteFiles(List<SuiteFile> files) {
  public static final String TEMPLATES_DIR = "templates/";

  public SuiteFiles {
    files = files.stream().sorted(Comparator.comparing(SuiteFile::path)).toList();
  }

  /** Reads every {@code *.json} file below {@code root}. */
  public static SuiteFiles fromDirectory(Path root) {
    return fromDirectory(root, file -> false);
  }

  /**
   * Reads every {@code *.json} file below {@code root} but those {@code skip} accepts: what a
   * local run writes (results, history) when its output folder is inside the suite.
   */
  public static SuiteFiles fromDirectory(Path root, Predicate<Path> skip) {
    if (!Files.isDirectory(root)) {
      throw new SuiteException("suite folder " + root + " does not exist or is not a folder");
    }
    List<SuiteFile> files = new ArrayList<>();
    // A ConfigMap volume is a tree of symlinks (shop -> ..data/shop): follow them; the real
    // files under the kubelet's hidden ..data folders are skipped as hidden.
    try (Stream<Path> walk = Files.walk(root, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
      for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        String path = relative(root, file);
        if (path.endsWith(".json") && !isHidden(path) && !skip.test(file)) {
          files.add(new SuiteFile(path, SuiteKeys.encode(path), read(file)));
        }
      }
    } catch (IOException e) {
      throw new SuiteException("cannot read suite folder " + root + ": " + e.getMessage());
    }
    return new SuiteFiles(files);
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

  private static String relative(Path root, Path file) {
    List<String> parts = new ArrayList<>();
    root.relativize(file).forEach(p -> parts.add(p.toString()));
    return String.join("/", parts);
  }

  /** Whether a suite path is hidden (it, or a folder it is in, starts with '.'): never part of a suite. */
  public static boolean isHidden(String path) {
    return path.startsWith(".") || path.contains("/.");
  }

  private static String read(Path file) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
    } catch (CharacterCodingException e) {
      throw new SuiteException(file + " is not valid UTF-8 text");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
