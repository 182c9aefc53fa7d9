package io.shardrun.executor.step;

import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.openqa.selenium.WebDriverException;

/**
 * An error as one line a user reads in a step's message: the first thing it says, without the
 * Java class names Selenium and the JDK put in front ({@code java.util.concurrent.TimeoutException},
 * {@code org.openqa.selenium.WebDriverException: ...}), which say nothing about the test.
 */
public final class ErrorText {
  /** One or more leading class names, as {@code Throwable.toString()} writes them. */
  private static final Pattern CLASS_PREFIX = Pattern.compile("^(?:(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?::\\s*|\\s*$))+");

  private ErrorText() {}

  public static String of(Throwable error) {
    if (unanswered(error)) {
      return "the driver did not answer in time"; // Selenium's words for it name classes or guess at causes
    }
    for (Throwable t = error; t != null; t = t.getCause()) {
      // A WebDriverException's message ends with build and system information; its own text is the raw message.
      String message = t instanceof WebDriverException w ? w.getRawMessage() : t.getMessage();
      String line = message == null ? "" : CLASS_PREFIX.matcher(firstLine(message)).replaceFirst("").trim();
      if (!line.isEmpty()) {
        return line;
      }
    }
    return "the browser or driver failed without saying why";
  }

  private static String firstLine(String text) {
    return text.strip().lines().findFirst().orElse("");
  }

  /** Whether the HTTP client gave up waiting for the driver's answer (its read timeout). */
  private static boolean unanswered(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException || t instanceof HttpTimeoutException) {
        return true;
      }
    }
    return false;
  }
}
