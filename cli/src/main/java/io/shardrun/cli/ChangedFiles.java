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
    String commit = commit(Path.of(top), ref);
    LinkedHashSet<String> changed = new LinkedHashSet<>();
    changed.addAll(paths(git(Path.of(top), "diff", "--name-only", "-z", commit, "--")));
    changed.addAll(paths(git(Path.of(top), "ls-files", "-z", "--others", "--exclude-standard")));
    return new ArrayList<>(changed);
  }

  /**
   * The commit a ref names. The ref is a value, never an option: {@code --end-of-options} keeps
   * one such as {@code --output=FILE} from being read as git's flag.
   */
  private static String commit(Path top, String ref) {
    try {
      return git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}").trim();
    } catch (CliException e) {
      throw new CliException("--changed-since: '" + ref + "' names no commit in " + top);
    }
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
