package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardrun.core.report.ComparisonReport;
import io.shardrun.core.report.HtmlReport;
import io.shardrun.core.report.ReportFile;
import io.shardrun.core.report.RunReport;
import io.shardrun.core.results.Outcome;
import io.shardrun.executor.browser.BrowserTools;
import io.shardrun.executor.browser.ChromeArgs;
import io.shardrun.executor.browser.LocalChromedriver;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.remote.RemoteWebDriver;

/**
 * The HTML reports as a reader sees them: opened from disk in real headless Chromium, with the
 * browser's console and network logs on, so what the page logs and everything it requests can be
 * checked.
 */
class HtmlReportInChromiumTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static LocalChromedriver chromedriver;

  @TempDir Path dir;
  RemoteWebDriver browser;

  @BeforeAll
  static void startChromedriver() {
    chromedriver = LocalChromedriver.start(BrowserTools.resolve(null, null), true);
  }

  @AfterAll
  static void stopChromedriver() {
    chromedriver.close();
  }

  @BeforeEach
  void openBrowser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BrowserTools.resolve(null, null).chromium().toFile());
    options.addArguments(ChromeArgs.headless(null, true));
    options.setCapability(ChromeOptions.LOGGING_PREFS, Map.of(LogType.BROWSER, "ALL", LogType.PERFORMANCE, "ALL"));
    browser = new RemoteWebDriver(chromedriver.url(), options);
  }

  @AfterEach
  void closeBrowser() {
    browser.quit();
  }

  @Test
  void aRunsReportShowsItsShardsAndFailuresWithoutErrorsOrRequestsElsewhere() throws Exception {
    browser.get(writeThreeShardsReport().toUri().toString());

    assertThat(browser.findElements(By.cssSelector(".row[data-shard]"))).hasSize(3);
    List<WebElement> bars = browser.findElements(By.cssSelector(".bar[data-file]"));
    assertThat(bars).hasSize(12);
    assertThat(bars).allSatisfy(bar -> assertThat(bar.getSize().getWidth()).as("placed by its inline style").isPositive());
    assertThat(browser.findElement(By.cssSelector(".bar.failed")).getCssValue("background-color"))
        .as("coloured by the inline style sheet").isEqualTo("rgba(229, 57, 53, 1)");
    List<WebElement> links = browser.findElements(By.cssSelector("a.screenshot"));
    assertThat(links).extracting(a -> Path.of(URI.create(a.getDomProperty("href"))))
        .containsExactly(dir.resolve("0/auth/login/failure.png"), dir.resolve("1/shop/check out/failure.png"))
        .allSatisfy(screenshot -> assertThat(screenshot).isRegularFile());
    assertThat(browser.findElements(By.cssSelector("a.screenshot img")))
        .allSatisfy(img -> assertThat(img.getDomProperty("naturalWidth")).as("thumbnail loaded").isEqualTo("120"));
    assertQuiet();

    // The whole page in one picture: a window as tall as the page plus the window's own frame.
    int height = ((Number) browser.executeScript(
        "return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight")).intValue();
    browser.manage().window().setSize(new Dimension(1280, height));
    Files.write(Path.of("target/report-screenshot.png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void theContentSecurityPolicyRefusesAnythingFromElsewhere() throws Exception {
    browser.get(writeThreeShardsReport().toUri().toString());
    assertQuiet();

    browser.executeScript("const img = document.createElement('img'); img.src = 'http://127.0.0.1:9/tracker.png';"
        + " document.body.append(img);");

    assertThat(waitForSevere()).anySatisfy(e -> assertThat(e.getMessage()).contains("Content Security Policy"));
    List<JsonNode> events = networkEvents();
    String tracker = events.stream().filter(e -> e.path("method").asText().equals("Network.requestWillBeSent"))
        .map(e -> e.path("params")).filter(p -> p.path("request").path("url").asText().startsWith("http:"))
        .findFirst().orElseThrow().path("requestId").asText();
    assertThat(events).as("the browser stopped it itself, before any connection").anySatisfy(e -> {
      assertThat(e.path("method").asText()).isEqualTo("Network.loadingFailed");
      assertThat(e.path("params").path("requestId").asText()).isEqualTo(tracker);
      assertThat(e.path("params").path("blockedReason").asText()).isEqualTo("csp");
    });
  }

  @Test
  void aComparisonShowsItsMatrixWithoutErrorsOrRequestsElsewhere() throws Exception {
    RunReport run = threeShards();
    String html = ComparisonReport.render(List.of(run, new RunReport("rerun", "Succeeded", run.startedAt(), 9000,
        run.files().stream().filter(f -> f.shard() == 0).toList(), Set.of(), List.of())));

    browser.get(writeReport(dir.resolve("comparison.html"), html).toUri().toString());

    assertThat(browser.findElements(By.cssSelector(".matrix tr"))).extracting(WebElement::getText).containsExactly(
        "tag run-20250601-120000-000 rerun", "auth 1 / 1 1 / 1", "forms 3 / 1", "shop 2 / 1", "smoke 3 / 1 2 / 1");
    assertQuiet();
  }

  @Test
  void fiveThousandFilesLoadAsOneFileUnderTwoMegabytes() throws Exception {
    write(dir.resolve("shots/failure.png"), png());
    String html = HtmlReport.render(fiveThousandFiles());
    int bytes = html.getBytes(StandardCharsets.UTF_8).length;
    assertThat(bytes).isLessThan(2 * 1024 * 1024);

    browser.get(writeReport(dir.resolve("big.html"), html).toUri().toString());

    Map<?, ?> timing = (Map<?, ?>) browser.executeScript("const n = performance.getEntriesByType('navigation')[0];"
        + " return {domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd};");
    System.out.printf("report of 5000 files, %,d bytes: in Chromium, DOMContentLoaded after %.0f ms, load after %.0f ms%n",
        bytes, ((Number) timing.get("domContentLoaded")).doubleValue(), ((Number) timing.get("load")).doubleValue());
    assertThat(browser.findElements(By.cssSelector(".bar[data-file]"))).hasSize(5000);
    assertQuiet();
  }

  /** Nothing logged as an error, and nothing requested but the report's own files and data: URLs. */
  private void assertQuiet() {
    assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).filteredOn(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .extracting(LogEntry::getMessage).isEmpty();
    List<String> urls = requestedUrls();
    assertThat(urls).as("the report itself was requested").isNotEmpty();
    assertThat(urls).allSatisfy(url -> assertThat(url).matches("(file|data):.*"));
  }

  /** The URL of every request the page made since the last look at the network events. */
  private List<String> requestedUrls() {
    return networkEvents().stream().filter(e -> e.path("method").asText().equals("Network.requestWillBeSent"))
        .map(e -> e.path("params").path("request").path("url").asText()).toList();
  }

  /** Chromium's DevTools network events since the last look, each {@code {method, params}}. */
  private List<JsonNode> networkEvents() {
    List<JsonNode> events = new ArrayList<>();
    for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
      JsonNode message = readJson(entry.getMessage()).path("message");
      if (message.path("method").asText().startsWith("Network.")) {
        events.add(message);
      }
    }
    return events;
  }

  private List<LogEntry> waitForSevere() throws InterruptedException {
    for (int i = 0; i < 50; i++) {
      List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
          .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
      if (!severe.isEmpty()) {
        return severe;
      }
      Thread.sleep(100);
    }
    return List.of();
  }

  /** The report of {@link #threeShards()} and its screenshots, written to the test's folder. */
  private Path writeThreeShardsReport() throws IOException {
    byte[] png = png();
    write(dir.resolve("1/shop/check out/failure.png"), png);
    write(dir.resolve("0/auth/login/failure.png"), png);
    return writeReport(dir.resolve("report.html"), HtmlReport.render(threeShards()));
  }

  /** 3 shards, 12 files, every one with a start: 2 failures with screenshots, an error and a skipped file. */
  private static RunReport threeShards() {
    List<ReportFile> files = List.of(
        file("auth/login.json", 0, Outcome.FAILED, 0, 4200, "steps[2] assertText css=h1: expected 'Welcome' but was 'Sign in'",
            "0/auth/login/failure.png", "smoke", "auth"),
        file("auth/logout.json", 0, Outcome.PASSED, 4200, 2100, null, null, "auth"),
        file("home/index.json", 0, Outcome.PASSED, 6300, 1800, null, null, "smoke"),
        file("home/<nav> & \"links\".json", 0, Outcome.PASSED, 8100, 2500, null, null, "smoke"),
        file("shop/check out.json", 1, Outcome.FAILED, 0, 6100, "steps[4] assertText css=.total: expected '$41.00' but was '$42.00'",
            "1/shop/check out/failure.png", "shop"),
        file("shop/cart.json", 1, Outcome.PASSED, 6100, 3000, null, null, "shop", "smoke"),
        file("shop/pay.json", 1, Outcome.SKIPPED, 9100, 0, "skipped: upstream shop/check out.json did not pass", null, "shop"),
        file("shop/search.json", 1, Outcome.PASSED, 9100, 2000, null, null, "shop"),
        file("forms/double-click.json", 2, Outcome.PASSED, 0, 1500, null, null, "forms"),
        file("forms/upload.json", 2, Outcome.ERROR, 1500, 30_000, "session not created: Chrome failed to start </script>", null, "forms"),
        file("forms/select.json", 2, Outcome.PASSED, 31_500, 1200, null, null, "forms"),
        file("forms/ünïcode.json", 2, Outcome.PASSED, 32_700, 900, null, null, "forms"));
    return new RunReport("run-20250601-120000-000", "Failed", "2025-06-01T12:00:00.123Z", 34_000, files, Set.of("shop/cart.json"), List.of());
  }

  private static ReportFile file(String path, int shard, Outcome status, long startMs, long durationMs, String message,
      String screenshot, String... tags) {
    return new ReportFile(path, shard, status, startMs, durationMs, status == Outcome.ERROR ? 3 : 1, List.of(tags),
        status.isBad() ? 2 : null, message, screenshot);
  }

  /** 5000 files on 16 shards, one in twelve failed, every failure's screenshot the same small file. */
  private static RunReport fiveThousandFiles() {
    List<ReportFile> files = new ArrayList<>();
    long[] clock = new long[16];
    for (int i = 0; i < 5000; i++) {
      int shard = i % clock.length;
      Outcome status = i % 12 == 0 ? Outcome.FAILED : Outcome.PASSED;
      long duration = 500 + (i * 31L) % 4000;
      files.add(file("module-" + i / 100 + "/case-" + i + ".json", shard, status, clock[shard], duration,
          status.isBad() ? "steps[2] assertText css=.total: expected '$41.00' but was '$42.00'" : null,
          status.isBad() ? "shots/failure.png" : null, "module-" + i / 100, "nightly"));
      clock[shard] += duration;
    }
    return new RunReport("big", "Failed", "2025-06-01T12:00:00.123Z", Arrays.stream(clock).max().orElseThrow(), files, Set.of(), List.of());
  }

  private static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(new Color(0xE5, 0x39, 0x35));
    graphics.fillRect(0, 0, 120, 80);
    graphics.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static Path write(Path path, byte[] bytes) throws IOException {
    Files.createDirectories(path.getParent());
    return Files.write(path, bytes);
  }

  private static Path writeReport(Path path, String html) throws IOException {
    return write(path, html.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode readJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException("Chromium logs JSON: " + text, e);
    }
  }
}
