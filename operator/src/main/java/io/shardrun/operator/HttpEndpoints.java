package io.shardrun.operator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.javaoperatorsdk.operator.RuntimeInfo;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The operator's HTTP endpoints: {@code /healthz} (200 while every informer is healthy, 503
 * naming the unhealthy ones otherwise), {@code /readyz} (200 once started) and {@code /metrics}
 * (Prometheus text format).
 */
public final class HttpEndpoints implements AutoCloseable {
  private final HttpServer server;

  private HttpEndpoints(HttpServer server) {
    this.server = server;
  }

  public static HttpEndpoints start(int port, RuntimeInfo runtime, PrometheusMeterRegistry metrics) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
      server.createContext("/healthz", exchange -> answer(exchange, runtime.allEventSourcesAreHealthy() ? 200 : 503,
          runtime.allEventSourcesAreHealthy() ? "ok" : "unhealthy event sources: " + runtime.unhealthyEventSources(), "text/plain"));
      server.createContext("/readyz", exchange -> answer(exchange, runtime.isStarted() ? 200 : 503,
          runtime.isStarted() ? "ok" : "operator not started", "text/plain"));
      server.createContext("/metrics", exchange -> answer(exchange, 200, metrics.scrape(), "text/plain; version=0.0.4; charset=utf-8"));
      server.start();
      return new HttpEndpoints(server);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve health checks and metrics on port " + port, e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void answer(HttpExchange exchange, int status, String text, String type) throws IOException {
    try (exchange) {
      byte[] body = text.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(status, body.length);
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
