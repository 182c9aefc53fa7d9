package io.shardrun.operator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.javaoperatorsdk.operator.RuntimeInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Liveness and readiness for the kubelet: {@code /healthz} answers 200 while every informer is
 * healthy (503 naming the unhealthy ones otherwise), {@code /readyz} 200 once the operator started.
 */
public final class HealthServer implements AutoCloseable {
  private final HttpServer server;

  private HealthServer(HttpServer server) {
    this.server = server;
  }

  public static HealthServer start(int port, RuntimeInfo runtime) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
      server.createContext("/healthz", exchange -> answer(exchange, runtime.allEventSourcesAreHealthy(),
          "unhealthy event sources: " + runtime.unhealthyEventSources()));
      server.createContext("/readyz", exchange -> answer(exchange, runtime.isStarted(), "operator not started"));
      server.start();
      return new HealthServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve health checks on port " + port, e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void answer(HttpExchange exchange, boolean ok, String problem) throws IOException {
    try (exchange) {
      byte[] body = (ok ? "ok" : problem).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(ok ? 200 : 503, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
