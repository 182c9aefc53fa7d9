package io.shardrun.executor.browser;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openqa.selenium.Capabilities;

/**
 * Stops a session's Chromium when WebDriver no longer can. A page stuck in a script loop, or a
 * load that never ends, holds chromedriver's commands, quit included, until they time out; the
 * browser process itself still answers. So this sends {@code Browser.close} to the browser's
 * DevTools endpoint, whose address chromedriver reports in the session's capabilities
 * ({@code goog:chromeOptions.debuggerAddress}, on loopback): a shard pod's containers share
 * loopback, so it works there too, where the executor cannot signal the sidecar's processes.
 * Should DevTools not answer, a browser this JVM started is killed by its profile folder.
 */
final class StuckBrowser {
  private static final Duration WAIT = Duration.ofSeconds(1);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(WAIT).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String debuggerAddress;
  private final Path profile;

  /**
   * @param debuggerAddress the browser's DevTools {@code host:port}, or null when the driver reports none
   * @param profile the browser's {@code --user-data-dir}, or null
   */
  StuckBrowser(String debuggerAddress, Path profile) {
    this.debuggerAddress = debuggerAddress;
    this.profile = profile;
  }

  /** The browser of a new session, as its driver describes it. */
  static StuckBrowser of(Capabilities session) {
    return new StuckBrowser(text(session.getCapability("goog:chromeOptions"), "debuggerAddress"),
        pathOrNull(text(session.getCapability("chrome"), "userDataDir")));
  }

  /**
   * Closes the browser, whatever its pages do; takes a few seconds at most.
   *
   * @return whether it is closed or going: false leaves it to its driver
   */
  boolean stop() {
    return closeOverDevTools() || (profile != null && BrowserProcesses.killBrowserOf(profile));
  }

  private boolean closeOverDevTools() {
    if (debuggerAddress == null) {
      return false;
    }
    try {
      HttpRequest version = HttpRequest.newBuilder(URI.create("http://" + debuggerAddress + "/json/version"))
          .timeout(WAIT).build();
      String socketUrl = JSON.readTree(HTTP.send(version, HttpResponse.BodyHandlers.ofString()).body())
          .path("webSocketDebuggerUrl").asText();
      CompletableFuture<Void> heard = new CompletableFuture<>();
      WebSocket socket = HTTP.newWebSocketBuilder().connectTimeout(WAIT)
          .buildAsync(URI.create(socketUrl), new Listener(heard)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      try {
        socket.sendText("{\"id\":1,\"method\":\"Browser.close\"}", true);
        heard.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return true;
      } finally {
        socket.abort();
      }
    } catch (IOException | ExecutionException | TimeoutException | IllegalArgumentException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The browser's answer to Browser.close, or its closing the socket as it exits: either means it is going. */
  private static final class Listener implements WebSocket.Listener {
    private final CompletableFuture<Void> heard;

    Listener(CompletableFuture<Void> heard) {
      this.heard = heard;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      heard.complete(null);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
      heard.complete(null);
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      heard.complete(null);
    }
  }

  private static String text(Object map, String key) {
    return map instanceof Map<?, ?> m && m.get(key) instanceof String s && !s.isBlank() ? s : null;
  }

  private static Path pathOrNull(String path) {
    return path == null ? null : Path.of(path);
  }
}
