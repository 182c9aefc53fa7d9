package io.shardrun.executor.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a file's screenshots go: {@code <out>/<run>/<shard>/<file path without .json>/<name>}.
 * Names come from action files, so a name that is absolute, contains {@code ..}, or resolves
 * outside that folder is refused: a suite cannot write elsewhere on the machine or in the pod.
 */
public final class Artifacts {
  /** The screenshot of the page when a step failed, in the file's folder. */
  public static final String FAILURE_SCREENSHOT = "failure.png";

  private final Path dir;

  private Artifacts(Path dir) {
    this.dir = dir;
  }

  /**
   * The folder of {@code file} (suite-relative path) under {@code shardDir}.
   *
   * @throws IllegalArgumentException when the path would leave {@code shardDir}
   */
  public static Artifacts forFile(Path shardDir, String file) {
    Path root = shardDir.normalize();
    Path dir = root.resolve(file.replaceFirst("\\.json$", "")).normalize();
    if (!dir.startsWith(root) || dir.equals(root)) {
      throw new IllegalArgumentException("suite path '" + file + "' resolves outside the artifact folder " + root);
    }
    return new Artifacts(dir);
  }

  public Path dir() {
    return dir;
  }

  /** Writes {@code content} as {@code name}; returns the file written. */
  public Path save(String name, byte[] content) {
    Path target = resolve(name);
    try {
      Files.createDirectories(target.getParent());
      return Files.write(target, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write artifact " + target, e);
    }
  }

  /**
   * The path for {@code name}.
   *
   * @throws IllegalArgumentException for an absolute name, one with a {@code ..} part, or one
   *     that resolves outside this file's folder
   */
  public Path resolve(String name) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("an artifact name is required");
    }
    Path relative = Path.of(name);
    if (relative.isAbsolute() || name.startsWith("/") || name.startsWith("\\")) {
      throw new IllegalArgumentException("artifact name '" + name + "' is absolute; use a plain file name such as 'cart.png'");
    }
    for (Path part : relative) {
      if (part.toString().equals("..")) {
        throw new IllegalArgumentException("artifact name '" + name + "' contains '..'; use a plain file name such as 'cart.png'");
      }
    }
    Path target = dir.resolve(relative).normalize();
    if (!target.startsWith(dir) || target.equals(dir)) {
      throw new IllegalArgumentException("artifact name '" + name + "' resolves outside " + dir);
    }
    return target;
  }
}
