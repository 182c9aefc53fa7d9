package io.shardrun.cli.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A file that several runs may write at once: the history, the ledger, a shared JUnit path. An
 * update holds an exclusive lock on {@code FILE.lock} beside the file while it reads the current
 * content and replaces the file; a replacement is written to a temporary file in the same
 * folder, forced to disk and renamed over the file. Concurrent runs never lose each other's
 * updates, and a reader, or a run killed mid-write, never sees half a file.
 */
public final class SharedFile {
  /** File locks belong to the process: threads of one JVM take turns here first. */
  private static final ConcurrentHashMap<Path, Object> IN_THIS_PROCESS = new ConcurrentHashMap<>();

  private SharedFile() {}

  /**
   * Replaces the file's content with {@code change(current)} under the lock.
   *
   * @param change given the current content (null when the file does not exist); an exception
   *     it throws leaves the file as it was
   */
  static void update(Path file, UnaryOperator<String> change) throws IOException {
    Path target = file.toAbsolutePath().normalize();
    Files.createDirectories(target.getParent());
    synchronized (IN_THIS_PROCESS.computeIfAbsent(target, t -> new Object())) {
      try (FileChannel lockFile = FileChannel.open(target.resolveSibling(target.getFileName() + ".lock"),
              StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = lockFile.lock()) {
        String current = Files.exists(target) ? Files.readString(target, StandardCharsets.UTF_8) : null;
        replace(target, change.apply(current));
      }
    }
  }

  /** Writes the file in one atomic step: readers see the old content or the new, never a part. */
  public static void replace(Path file, String content) throws IOException {
    Path target = file.toAbsolutePath().normalize();
    Files.createDirectories(target.getParent());
    Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(content);
        while (bytes.hasRemaining()) {
          out.write(bytes);
        }
        out.force(true);
      }
      if (Files.exists(target)) {
        Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
