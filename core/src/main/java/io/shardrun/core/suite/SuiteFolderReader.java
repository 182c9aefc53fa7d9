package io.shardrun.core.suite;

import io.shardrun.core.action.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * Walks a suite folder and reads its files ({@link SuiteFiles#isSuiteFile}), turning whatever cannot be read into a
 * {@link Problem} and going on, so that {@code validate} reports every problem in one pass.
 */
final class SuiteFolderReader extends SimpleFileVisitor<Path> {
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final Path root;
  private final Predicate<Path> skip;
  private final List<SuiteFile> files = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();

  private SuiteFolderReader(Path root, Predicate<Path> skip) {
    this.root = root;
    this.skip = skip;
  }

  static SuiteFiles read(Path root, Predicate<Path> skip) {
    SuiteFolderReader reader = new SuiteFolderReader(root, skip);
    try {
      // A ConfigMap volume is a tree of symlinks (shop -> ..data/shop): follow them; the real
      // files under the kubelet's hidden ..data folders are skipped as hidden.
      Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, reader);
    } catch (IOException e) {
      throw new SuiteException("cannot read suite folder " + root + ": " + reason(e));
    }
    return new SuiteFiles(reader.files, reader.problems);
  }

  @Override
  public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
    return !dir.equals(root) && SuiteFiles.isHidden(relative(dir)) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
  }

  @Override
  public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
    String path = relative(file);
    if (!SuiteFiles.isSuiteFile(path) || skip.test(file)) {
      return FileVisitResult.CONTINUE;
    }
    if (path.chars().anyMatch(Character::isISOControl)) {
      problems.add(new Problem(path, null, "the file name holds a control character (a tab or line break):"
          + " rename the file; results, JUnit and the ledger cannot name it"));
    } else if (attrs.isSymbolicLink()) {
      // Following links, only a link that leads nowhere is still reported as a link.
      problems.add(new Problem(path, null, "a symbolic link to a missing file or a link loop"));
    } else if (attrs.isRegularFile()) {
      readFile(file, path);
    }
    return FileVisitResult.CONTINUE;
  }

  @Override
  public FileVisitResult visitFileFailed(Path file, IOException e) {
    String path = relative(file);
    if (!SuiteFiles.isHidden(path)) {
      problems.add(new Problem(path, null, e instanceof FileSystemLoopException
          ? "a symbolic link back to a folder it is in (a loop)" : "cannot be read: " + reason(e)));
    }
    return FileVisitResult.CONTINUE;
  }

  private void readFile(Path file, String path) {
    try {
      String content = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
      // Editors on Windows may start UTF-8 with a byte order mark; JSON readers may ignore it.
      if (!content.isEmpty() && content.charAt(0) == BYTE_ORDER_MARK) {
        content = content.substring(1);
      }
      files.add(new SuiteFile(path, SuiteKeys.encode(path), content));
    } catch (CharacterCodingException e) {
      problems.add(new Problem(path, null, path.startsWith(SuiteFiles.EXTENSIONS_DIR)
          ? "not UTF-8 text; an extension's files travel in the suite ConfigMap as text: leave out icons, images and other binary files"
          : "not UTF-8 text; action files and templates are UTF-8 JSON"));
    } catch (IOException e) {
      problems.add(new Problem(path, null, "cannot be read: " + reason(e)));
    }
  }

  private String relative(Path file) {
    List<String> parts = new ArrayList<>();
    root.relativize(file).forEach(p -> parts.add(p.toString()));
    return String.join("/", parts);
  }

  /** What went wrong in words: the system's reason, not the exception's type. */
  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String reason = e instanceof java.nio.file.FileSystemException f ? f.getReason() : e.getMessage();
    return reason == null ? "an input/output error" : reason;
  }
}
