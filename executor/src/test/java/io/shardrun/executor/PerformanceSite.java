package io.shardrun.executor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Pages with known performance, on 127.0.0.1: {@code /fast} answers at once and links to
 * {@code /slow}, which answers after {@link #SLOW_MS}; {@code /heavy} loads {@code /big.js} of
 * {@link #BIG_BYTES}; {@code /blank} has nothing to paint. Nothing is cacheable.
 */
public final class PerformanceSite implements AutoCloseable {
  public static final long SLOW_MS = 1500;
  public static final int BIG_BYTES = 600_000;

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "performance-site");
    t.setDaemon(true);
    return t;
  });

  public PerformanceSite() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/fast", e -> send(e, "text/html", page("Fast", "<a id='to-slow' href='/slow'>slow page</a>")));
    server.createContext("/slow", e -> {
      try {
        Thread.sleep(SLOW_MS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      send(e, "text/html", page("Slow", ""));
    });
    server.createContext("/heavy", e -> send(e, "text/html", page("Heavy", "<script src='/big.js'></script>")));
    server.createContext("/big.js", e -> send(e, "text/javascript", "//" + "x".repeat(BIG_BYTES)));
    server.createContext("/blank", e -> send(e, "text/html", "<!doctype html><title>Blank</title>"));
    server.setExecutor(threads);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A page with a heading and a paragraph: text for Largest Contentful Paint. */
  private static String page(String title, String extra) {
    return "<!doctype html><title>" + title + "</title><h1>" + title + " page</h1>"
        + "<p>Some text that the browser paints, so that it reports a largest contentful paint.</p>" + extra;
  }

  private static void send(HttpExchange exchange, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
