package io.shardrun.executor.step;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import org.openqa.selenium.NoSuchSessionException;
import org.openqa.selenium.SessionNotCreatedException;
import org.openqa.selenium.remote.UnreachableBrowserException;

/**
 * Tells infrastructure failures (the browser or driver died, the session is gone) from test
 * failures: only the former are retried, and they make a file {@code error}, not {@code failed}.
 */
public final class Infrastructure {
  private static final Set<String> LOST = Set.of(
      "chrome not reachable", "disconnected:", "session deleted", "tab crashed", "target crashed",
      "target window already closed", "unable to connect to renderer", "devtoolsactiveport");

  private Infrastructure() {}

  public static boolean isInfrastructure(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof NoSuchSessionException || t instanceof SessionNotCreatedException
          || t instanceof UnreachableBrowserException || t instanceof IOException || t instanceof UncheckedIOException
          || t instanceof io.shardrun.executor.browser.BrowserUnavailableException) {
        return true;
      }
      String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      if (LOST.stream().anyMatch(message::contains)) {
        return true;
      }
    }
    return false;
  }
}
