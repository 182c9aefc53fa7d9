package io.shardrun.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before any work starts, that what a command will write can be written: a run's
 * reports must not be lost at its end to a path that is a folder where a file belongs, or the
 * other way round.
 */
final class OutputPaths {
  private OutputPaths() {}

  /** A folder to write into: an existing folder, or one that can be created. */
  static void folder(String flag, Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new CliException(flag + " " + dir + ": is a file; expected a folder (created when missing)");
    }
    creatable(flag, dir, dir);
  }

  /** A file to create or replace: not a folder, writable, in a folder that exists or can be created. */
  static void file(String flag, Path file) {
    if (Files.isDirectory(file)) {
      throw new CliException(flag + " " + file + ": is a folder; expected a file");
    }
    if (Files.exists(file) && !Files.isWritable(file)) {
      throw new CliException(flag + " " + file + ": cannot be written (permission denied)");
    }
    creatable(flag, file, file.toAbsolutePath().getParent());
  }

  /** The nearest existing folder at or above {@code dir} must be a folder this process may write in. */
  private static void creatable(String flag, Path given, Path dir) {
    Path existing = dir.toAbsolutePath().normalize();
    while (!Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (!Files.isDirectory(existing)) {
      throw new CliException(flag + " " + given + ": " + existing + " is a file, so no folder can be made inside it");
    }
    if (!Files.isWritable(existing)) {
      throw new CliException(flag + " " + given + ": cannot write in " + existing + " (permission denied)");
    }
  }
}
