package io.shardrun.executor.event;

import io.shardrun.core.results.Event;
import io.shardrun.core.results.EventLines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * A local run's events: an append-only NDJSON file in the run's folder ({@link EventLines}),
 * shared by every worker of the run. Each append holds an exclusive lock on the file, taken by
 * one thread of this process at a time (a file lock belongs to the process), and writes its line
 * in one call. Readers take no lock: they read complete lines only.
 */
public final class EventLogFile implements EventBus {
  /** Its name in the run's folder. */
  public static final String NAME = "events.ndjson";

  private static final byte[] NEWLINE = {'\n'};

  private final Path file;

  public EventLogFile(Path file) {
    this.file = file;
  }

  @Override
  public synchronized void publish(Event event) {
    byte[] line = EventLines.line(event).getBytes(StandardCharsets.UTF_8);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
          FileLock lock = out.lock()) {
        // A writer that died mid-line left no newline: end its torn line, or this one would join it.
        ByteBuffer[] bytes = endsTorn(out) ? new ByteBuffer[] {ByteBuffer.wrap(NEWLINE), ByteBuffer.wrap(line)}
            : new ByteBuffer[] {ByteBuffer.wrap(line)};
        out.position(out.size());
        while (bytes[bytes.length - 1].hasRemaining()) {
          out.write(bytes);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the run's event log " + file + ": " + e.getMessage(), e);
    }
  }

  private static boolean endsTorn(FileChannel out) throws IOException {
    if (out.size() == 0) {
      return false;
    }
    ByteBuffer last = ByteBuffer.allocate(1);
    out.read(last, out.size() - 1);
    return last.get(0) != '\n';
  }

  @Override
  public Page read(long offset) {
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = in.size();
      if (size <= offset) {
        return new Page(List.of(), offset);
      }
      ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(size - offset));
      while (bytes.hasRemaining()) {
        if (in.read(bytes, offset + bytes.position()) < 0) {
          break;
        }
      }
      EventLines.Read read = EventLines.parse(Arrays.copyOf(bytes.array(), bytes.position()));
      return new Page(read.events(), offset + read.consumed());
    } catch (NoSuchFileException e) {
      return new Page(List.of(), offset); // nothing published yet
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the run's event log " + file + ": " + e.getMessage(), e);
    }
  }
}
