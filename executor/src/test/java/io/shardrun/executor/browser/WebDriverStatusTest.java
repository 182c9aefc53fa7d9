package io.shardrun.executor.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Waiting for a WebDriver server's /status, as the executor does for its pod's browser sidecar. */
class WebDriverStatusTest {
  static final Duration GENEROUS = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void waitsUntilAChromedriverThatIsStartingAnswers() throws Exception {
    int port = freePort();
    // Started here rather than through LocalChromedriver, which waits itself: this wait starts
    // while chromedriver may not listen yet.
    Process chromedriver = new ProcessBuilder(BrowserTools.resolve(null, null).chromedriver().toString(), "--port=" + port,
        "--log-path=" + dir.resolve("chromedriver.log"))
        .redirectErrorStream(true).redirectOutput(dir.resolve("chromedriver.out").toFile()).start();
    try {
      new WebDriverStatus(url("http://127.0.0.1:" + port)).await("the browser sidecar", GENEROUS, () -> {});
      assertThat(chromedriver.isAlive()).isTrue();
    } finally {
      BrowserProcesses.kill(chromedriver.toHandle());
    }
  }

  @Test
  void keepsWaitingWhileTheServerAnswersSomethingOtherThan200() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/status", exchange -> {
      exchange.sendResponseHeaders(requests.incrementAndGet() <= 3 ? 503 : 200, -1);
      exchange.close();
    });
    server.start();
    try {
      new WebDriverStatus(url("http://127.0.0.1:" + server.getAddress().getPort())).await("the browser sidecar", GENEROUS, () -> {});
      assertThat(requests).hasValue(4);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void whenNothingListensTheErrorNamesTheUrlAndTheWait() throws Exception {
    int port = freePort();
    WebDriverStatus status = new WebDriverStatus(url("http://127.0.0.1:" + port));
    assertThatThrownBy(() -> status.await("the browser sidecar", Duration.ofMillis(200), () -> {}))
        .isInstanceOf(BrowserUnavailableException.class)
        .hasMessage("the browser sidecar did not answer http://127.0.0.1:" + port + "/status within 200 ms");
  }

  @Test
  void whatTheCheckThrowsEndsTheWait() throws Exception {
    WebDriverStatus status = new WebDriverStatus(url("http://127.0.0.1:" + freePort()));
    assertThatThrownBy(() -> status.await("chromedriver", GENEROUS, () -> {
      throw new BrowserUnavailableException("chromedriver exited with code 1 at start");
    })).hasMessage("chromedriver exited with code 1 at start");
  }

  @Test
  void aChromedriverThatCannotStartIsReportedWithItsExitCode() throws Exception {
    Path broken = Files.writeString(dir.resolve("chromedriver"), "#!/bin/sh\nexit 3\n");
    broken.toFile().setExecutable(true);
    BrowserTools tools = BrowserTools.resolve(broken, null);
    assertThatThrownBy(() -> LocalChromedriver.start(tools, true))
        .isInstanceOf(BrowserUnavailableException.class)
        .hasMessage("chromedriver exited with code 3 at start");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static URL url(String text) throws Exception {
    return URI.create(text).toURL();
  }
}
