package io.shardrun.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What git says changed since a ref: tracked changes plus new untracked files, repository paths.
 * Paths are read NUL-separated ({@code -z}): git's default output quotes and octal-escapes any
 * path with non-ASCII bytes ({@code "caf\303\251.json"}), which would match no action file.
 */
final class ChangedFiles {
  private ChangedFiles() {}

  static List<String> since(Path suiteDir, String ref) {
    String top = git(suiteDir, "rev-parse", "--show-toplevel").trim();
    LinkedHashSet<String> changed = new LinkedHashSet<>();
    changed.addAll(paths(git(Path.of(top), "diff", "--name-only", "-z", ref, "--")));
    changed.addAll(paths(git(Path.of(top), "ls-files", "-z", "--others", "--exclude-standard")));
    return new ArrayList<>(changed);
  }

  private static List<String> paths(String nulSeparated) {
    return java.util.Arrays.stream(nulSeparated.split("\0")).filter(p -> !p.isEmpty()).toList();
  }

  private static String git(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new CliException("--changed-since: '" + String.join(" ", command) + "' failed: " + output.trim());
      }
      return output;
    } catch (IOException e) {
      throw new CliException("--changed-since needs git on the PATH: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("--changed-since: interrupted");
    }
  }
}
