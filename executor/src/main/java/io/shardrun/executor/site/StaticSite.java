package io.shardrun.executor.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Serves a folder over HTTP on 127.0.0.1 (never another interface), for {@code run --serve DIR}
 * and for tests: GET and HEAD of files below the folder, index.html for folders, 404 otherwise.
 */
public final class StaticSite implements AutoCloseable {
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
      "json", "application/json", "png", "image/png", "svg", "image/svg+xml", "txt", "text/plain; charset=utf-8");

  private final HttpServer server;
  private final Path root;

  private StaticSite(HttpServer server, Path root) {
    this.server = server;
    this.root = root;
  }

  /** Serves {@code root} on a free loopback port. */
  public static StaticSite serve(Path root) {
    Path dir = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--serve: " + root + " is not a folder");
    }
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      StaticSite site = new StaticSite(server, dir);
      server.createContext("/", site::handle);
      server.setExecutor(Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "shardrun-static-site");
        t.setDaemon(true);
        return t;
      }));
      server.start();
      return site;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve " + root, e);
    }
  }

  /** The base URL, without a trailing slash: what {@code BASE_URL} is set to. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        send(exchange, 405, "text/plain", "method not allowed".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
      Path file = root.resolve(path.replaceFirst("^/+", "")).normalize();
      if (Files.isDirectory(file)) {
        file = file.resolve("index.html");
      }
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        send(exchange, 404, "text/plain", ("not found: " + path).getBytes(StandardCharsets.UTF_8));
        return;
      }
      String name = file.getFileName().toString();
      String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
      send(exchange, 200, type, method.equals("HEAD") ? null : Files.readAllBytes(file));
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
    if (body != null) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
