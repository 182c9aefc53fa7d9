package io.shardrun.executor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.shardrun.core.budget.Budgets;
import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.Outcome;
import io.shardrun.crd.v1alpha1.Isolation;
import io.shardrun.executor.TestBrowser;
import io.shardrun.executor.TestFiles;
import io.shardrun.executor.run.FileRunner;
import io.shardrun.executor.run.RunLimits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.bidi.module.Browser;
import org.openqa.selenium.bidi.module.Permission;
import org.openqa.selenium.bidi.permissions.PermissionState;
import org.openqa.selenium.JavascriptExecutor;

/**
 * isolation: context on real Chromium: two files in one shard, in order, in one browser. What the
 * first leaves behind (cookies, storage, IndexedDB, a service worker, the HTTP cache, a granted
 * permission, an open alert, a window size, a running setInterval) the second does not see. A
 * browser killed mid-file ends that file in error; the next passes in a new browser.
 */
class ContextIsolationTest {
  static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor();
  static final RunLimits LIMITS = new RunLimits(Duration.ofSeconds(5), Duration.ofSeconds(60), null, Instant.now());
  static HttpServer site;
  static final AtomicInteger cachedHits = new AtomicInteger();
  static final List<Long> ticks = new CopyOnWriteArrayList<>();
  static final List<Long> marks = new CopyOnWriteArrayList<>();

  @TempDir Path out;

  @BeforeAll
  static void serve() throws IOException {
    site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    site.createContext("/", e -> send(e, "text/html", "<!doctype html><title>isolation</title><p>page</p>", null));
    site.createContext("/sw.js", e -> send(e, "text/javascript", "self.addEventListener('fetch', () => {});", null));
    site.createContext("/cached", e -> {
      cachedHits.incrementAndGet();
      send(e, "text/plain", "cached", "max-age=3600");
    });
    site.createContext("/tick", e -> {
      ticks.add(System.nanoTime());
      send(e, "text/plain", "tick", "no-store");
    });
    site.createContext("/mark", e -> {
      marks.add(System.nanoTime());
      send(e, "text/plain", "mark", "no-store");
    });
    site.start();
  }

  @AfterAll
  static void stop() {
    site.stop(0);
    WATCHDOG.shutdownNow();
  }

  static void send(HttpExchange exchange, String type, String body, String cacheControl) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    if (cacheControl != null) {
      exchange.getResponseHeaders().add("Cache-Control", cacheControl);
    }
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  static String baseUrl() {
    return "http://127.0.0.1:" + site.getAddress().getPort();
  }

  /** Counts the (shared, BiDi) browsers opened under it. */
  static final class Counting implements SessionFactory {
    final SessionFactory browsers = TestBrowser.sessions().withBiDi();
    final List<BrowserSession> opened = new CopyOnWriteArrayList<>();

    @Override
    public BrowserSession open(Duration callLimit) {
      BrowserSession session = browsers.open(callLimit);
      opened.add(session);
      return session;
    }
  }

  static final String LEAVES_STATE_BEHIND = """
      {"steps": [
        {"command": "open", "target": "${BASE_URL}/"},
        {"command": "runScript", "target": "document.cookie = 'c=1; max-age=3600'; localStorage.setItem('l', '1'); sessionStorage.setItem('s', '1');"},
        {"command": "executeScript", "target": "return new Promise(ok => { const r = indexedDB.open('db', 1); r.onupgradeneeded = () => r.result.createObjectStore('o'); r.onsuccess = () => ok(String(r.result.objectStoreNames.length)); })", "value": "stores"},
        {"command": "assert", "target": "stores", "value": "1"},
        {"command": "executeScript", "target": "return navigator.serviceWorker.register('/sw.js').then(() => navigator.serviceWorker.ready).then(() => navigator.serviceWorker.getRegistrations()).then(r => String(r.length))", "value": "workers"},
        {"command": "assert", "target": "workers", "value": "1"},
        {"command": "executeScript", "target": "return fetch('/cached').then(() => fetch('/cached')).then(r => r.text())", "value": "cached"},
        {"command": "executeScript", "target": "return document.cookie + '|' + localStorage.getItem('l') + '|' + sessionStorage.getItem('s')", "value": "seen"},
        {"command": "assert", "target": "seen", "value": "c=1|1|1"},
        {"command": "setWindowSize", "target": "500x400"},
        {"command": "runScript", "target": "setInterval(() => fetch('/tick'), 50); setTimeout(() => alert('left open'), 0);"},
        {"command": "pause", "target": "300"}
      ]}""";

  static final String SEES_NOTHING = """
      {"steps": [
        {"command": "open", "target": "${BASE_URL}/"},
        {"command": "executeScript", "target": "return fetch('/mark').then(() => 'marked')", "value": "m"},
        {"command": "executeScript", "target": "return document.cookie + '|' + localStorage.getItem('l') + '|' + sessionStorage.getItem('s')", "value": "seen"},
        {"command": "assert", "target": "seen", "value": "|null|null"},
        {"command": "executeScript", "target": "return indexedDB.databases().then(d => String(d.length))", "value": "dbs"},
        {"command": "assert", "target": "dbs", "value": "0"},
        {"command": "executeScript", "target": "return navigator.serviceWorker.getRegistrations().then(r => String(r.length))", "value": "workers"},
        {"command": "assert", "target": "workers", "value": "0"},
        {"command": "executeScript", "target": "return fetch('/cached').then(r => r.text())", "value": "cached"},
        {"command": "executeScript", "target": "return window.outerWidth + 'x' + window.outerHeight", "value": "size"},
        {"command": "assert", "target": "size", "value": "1280x800"},
        {"command": "pause", "target": "500"},
        {"command": "executeScript", "target": "return fetch('/mark').then(() => 'marked')", "value": "m"}
      ]}""";

  @Test
  void theSecondFileInTheSameBrowserSeesNothingTheFirstLeft() {
    Counting browsers = new Counting();
    try (ContextSessions sessions = new ContextSessions(TestBrowser.sessions(), browsers, Isolation.CONTEXT, notice -> { })) {
      FileRunner runner = new FileRunner(sessions, Map.of("BASE_URL", baseUrl()), LIMITS, out, WATCHDOG);
      FileRun first = runner.run(TestFiles.parse("a/first.json", LEAVES_STATE_BEHIND), null, 0, Budgets.NONE);
      assertThat(first.status()).as(first.message()).isEqualTo(Outcome.PASSED);
      assertThat(cachedHits.get()).as("the second fetch in the first file came from its cache").isEqualTo(1);
      marks.clear();
      FileRun second = runner.run(TestFiles.parse("a/second.json", SEES_NOTHING), null, 0, Budgets.NONE);
      assertThat(second.status()).as(second.message()).isEqualTo(Outcome.PASSED);
      assertThat(cachedHits.get()).as("the second file's fetch missed the first file's cache").isEqualTo(2);
      assertThat(marks).hasSize(2);
      assertThat(ticks).as("the first file's setInterval ran").isNotEmpty()
          .noneMatch(t -> t > marks.get(0) && t < marks.get(1));
      assertThat(browsers.opened).as("both files ran in one browser").hasSize(1);
    }
  }

  @Test
  void aPermissionGrantedInOneContextIsNotGrantedInTheNext() {
    String query = "return navigator.permissions.query({name: 'geolocation'}).then(p => p.state)";
    try (ContextSessions sessions = new ContextSessions(TestBrowser.sessions(), new Counting(), Isolation.CONTEXT, notice -> { })) {
      BrowserSession first = sessions.open(Duration.ofSeconds(30), SessionNeeds.ANY);
      first.driver().get(baseUrl() + "/");
      String userContext = new Browser(first.driver()).getUserContexts().stream().filter(c -> !c.equals("default"))
          .findFirst().orElseThrow();
      new Permission(first.driver()).setPermission(Map.of("name", "geolocation"), PermissionState.GRANTED, baseUrl(), userContext);
      assertThat(((JavascriptExecutor) first.driver()).executeScript(query)).isEqualTo("granted");
      first.close();
      BrowserSession second = sessions.open(Duration.ofSeconds(30), SessionNeeds.ANY);
      second.driver().get(baseUrl() + "/");
      assertThat(((JavascriptExecutor) second.driver()).executeScript(query)).isEqualTo("prompt");
      second.close();
    }
  }

  @Test
  void aBrowserKilledMidFileEndsThatFileInErrorAndTheNextPassesInANewBrowser() throws Exception {
    Counting browsers = new Counting();
    try (ContextSessions sessions = new ContextSessions(TestBrowser.sessions(), browsers, Isolation.CONTEXT, notice -> { })) {
      FileRunner runner = new FileRunner(sessions, Map.of("BASE_URL", baseUrl()), LIMITS, out, WATCHDOG);
      Thread killer = new Thread(() -> {
        try {
          while (browsers.opened.isEmpty()) {
            Thread.sleep(50);
          }
          Thread.sleep(1500); // into the file's pause
          Object pid = ((org.openqa.selenium.HasCapabilities) browsers.opened.get(0).driver()).getCapabilities().getCapability("goog:processID");
          ProcessHandle.of(((Number) pid).longValue()).ifPresent(ProcessHandle::destroyForcibly);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      killer.start();
      FileRun killed = runner.run(TestFiles.parse("a/killed.json", """
          {"steps": [
            {"command": "open", "target": "${BASE_URL}/"},
            {"command": "pause", "target": "3000"},
            {"command": "open", "target": "${BASE_URL}/"}
          ]}"""), null, 0, Budgets.NONE);
      killer.join();
      assertThat(killed.status()).as(killed.message()).isEqualTo(Outcome.ERROR);
      FileRun next = runner.run(TestFiles.parse("a/next.json", """
          {"steps": [{"command": "open", "target": "${BASE_URL}/"}, {"command": "assertTitle", "target": "isolation"}]}"""), null, 0, Budgets.NONE);
      assertThat(next.status()).as(next.message()).isEqualTo(Outcome.PASSED);
      assertThat(browsers.opened).hasSize(2);
    }
  }
}
