package io.shardrun.executor.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.NoSuchSessionException;
import org.openqa.selenium.WebDriverException;

/** No message a user reads names a Java class. */
class ErrorTextTest {
  @Test
  void aDriversMessageIsItsFirstLineWithoutSeleniumsBuildInformation() {
    WebDriverException e = new NoSuchSessionException("invalid session id: session deleted\n  (Session info: chrome=156)");
    assertThat(e.getMessage()).contains("Build info");
    assertThat(ErrorText.of(e)).isEqualTo("invalid session id: session deleted");
  }

  @Test
  void classNamesInFrontOfAMessageAreDropped() {
    WebDriverException e = new WebDriverException(new UncheckedIOException(new ConnectException("Connection refused")));
    assertThat(e.getRawMessage()).startsWith("java.io.UncheckedIOException: java.net.ConnectException: ");
    assertThat(ErrorText.of(e)).isEqualTo("Connection refused");
  }

  @Test
  void aDriverThatDidNotAnswerInTimeIsSaidSoInWords() {
    // What Selenium throws at its read timeout: a message that is only a class name.
    WebDriverException e = new org.openqa.selenium.TimeoutException(new TimeoutException());
    assertThat(e.getRawMessage()).isEqualTo("java.util.concurrent.TimeoutException");
    assertThat(ErrorText.of(e)).isEqualTo("the driver did not answer in time");
  }

  @Test
  void anErrorThatSaysNothingStillGetsWordsNotItsClassName() {
    assertThat(ErrorText.of(new NullPointerException())).isEqualTo("the browser or driver failed without saying why");
  }
}
