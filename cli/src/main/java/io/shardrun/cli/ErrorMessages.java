package io.shardrun.cli;

import io.shardrun.core.suite.SuiteException;
import io.shardrun.executor.browser.BrowserUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * What a command that failed tells its user, in one line: the file or value at fault and what
 * is wrong, never the name of a Java type.
 */
final class ErrorMessages {
  /** Set to print a stack trace under an unexpected failure's message. */
  static final String DEBUG_VARIABLE = "SHARDRUN_DEBUG";

  private ErrorMessages() {}

  static String of(Throwable e) {
    if (e instanceof CliException || e instanceof IllegalArgumentException || e instanceof SuiteException
        || e instanceof BrowserUnavailableException) {
      return e.getMessage();
    }
    if (e instanceof UncheckedIOException && e.getCause() != null) {
      return of(e.getCause());
    }
    if (e instanceof FileSystemException f) {
      return (f.getFile() == null ? "" : f.getFile() + ": ") + reason(f) + (f.getOtherFile() == null ? "" : " (" + f.getOtherFile() + ")");
    }
    if (e instanceof IOException io) {
      return "input/output error: " + reason(io);
    }
    return "unexpected failure: " + (e.getMessage() == null ? "no details" : e.getMessage().lines().findFirst().orElse(""))
        + " (a defect: please report it; set " + DEBUG_VARIABLE + "=1 for the details)";
  }

  /** What an I/O failure means for the file it concerns, in words. */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "already exists";
    }
    if (e instanceof NotDirectoryException) {
      return "not a folder";
    }
    if (e instanceof CharacterCodingException) {
      return "not UTF-8 text";
    }
    String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
    return reason == null ? "no details" : reason;
  }
}
