package io.shardrun.executor.browser;

import io.shardrun.core.suite.Suite;
import io.shardrun.core.suite.SuiteFiles;
import java.nio.file.Path;

/** Where Chromium finds a suite's unpacked extensions: the suite's extensions/ folder. */
public final class ExtensionsFolder {
  private ExtensionsFolder() {}

  /**
   * The folder's absolute path, as {@link RemoteSessions#withExtensionsIn} takes it.
   *
   * @throws BrowserUnavailableException when a file of the suite loads an extension and the path
   *     holds a comma, which would split Chromium's comma-separated {@code --load-extension} list
   */
  public static Path of(Path suiteDir, Suite suite) {
    Path folder = suiteDir.toAbsolutePath().normalize().resolve(SuiteFiles.EXTENSIONS_DIR);
    boolean used = suite.files().values().stream().anyMatch(f -> !f.meta().extensions().isEmpty());
    if (used && folder.toString().contains(",")) {
      throw new BrowserUnavailableException("the suite's extensions are in " + folder + ", a path with a comma,"
          + " which Chromium's --load-extension flag cannot take (it separates extensions by commas): move the suite");
    }
    return folder;
  }
}
