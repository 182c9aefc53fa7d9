package io.shardrun.executor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What never answers, on 127.0.0.1: {@code /never-answers} gets no response at all;
 * {@code /never-finishes} gets its headers and the start of a page, then nothing more; and
 * {@code /silent-driver} is a WebDriver server that starts sessions but never answers a command.
 * Each request held holds its connection open until {@link #close}.
 */
public final class HangingSite implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "hanging-site");
    t.setDaemon(true);
    return t;
  });
  private final CountDownLatch closed = new CountDownLatch(1);

  public HangingSite() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/never-answers", exchange -> holdUntilClosed());
    server.createContext("/never-finishes", this::startAPage);
    server.createContext("/silent-driver", this::startSessionsOnly);
    server.setExecutor(threads);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void startAPage(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(200, 0); // chunked: the page's end is never announced
    OutputStream body = exchange.getResponseBody();
    body.write("<!doctype html><title>Never finishes</title><p>Loading".getBytes(StandardCharsets.UTF_8));
    body.flush();
    holdUntilClosed();
  }

  private void startSessionsOnly(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestURI().getPath().equals("/silent-driver/session")) {
      holdUntilClosed();
      return;
    }
    byte[] session = "{\"value\": {\"sessionId\": \"silent\", \"capabilities\": {\"browserName\": \"chrome\"}}}"
        .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(200, session.length);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(session);
    }
  }

  private void holdUntilClosed() {
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
