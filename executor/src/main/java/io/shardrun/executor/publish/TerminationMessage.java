package io.shardrun.executor.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Why the executor ended with an error, in its container's termination message file, where
 * Kubernetes puts it into the pod's status ({@code state.terminated.message}) for the operator
 * to show as the shard's message. One line of at most {@value #MAX_BYTES} bytes of UTF-8.
 */
public final class TerminationMessage {
  /** Kubernetes keeps up to 4 KiB per container; a status message should stay far shorter. */
  public static final int MAX_BYTES = 1024;
  private static final String CUT = "…";

  private TerminationMessage() {}

  /**
   * Writes {@link #of(String) the one-line form} of {@code message} into {@code file}, replacing
   * what it held, when the file exists: the kubelet creates it in a pod, so elsewhere (a local
   * run, a test) nothing is written.
   */
  public static void write(Path file, String message) throws IOException {
    if (Files.exists(file)) {
      Files.writeString(file, of(message), StandardCharsets.UTF_8);
    }
  }

  /**
   * {@code message} on one line: each line break, with the indentation after it, becomes "; "
   * (a space after a line that ends in ":"); cut to {@value #MAX_BYTES} bytes, ending in "…" when cut.
   */
  public static String of(String message) {
    String oneLine = message.strip().replaceAll(":\\h*\\R\\s*", ": ").replaceAll("\\s*\\R\\s*", "; ");
    byte[] bytes = oneLine.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= MAX_BYTES) {
      return oneLine;
    }
    int end = MAX_BYTES - CUT.getBytes(StandardCharsets.UTF_8).length;
    while ((bytes[end] & 0xC0) == 0x80) {
      end--; // bytes[end] continues a character: keep none of that character
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8) + CUT;
  }
}
