package io.shardrun.cli;

import io.shardrun.core.action.ActionFile;
import io.shardrun.core.action.Step;
import io.shardrun.executor.browser.BrowserTools;
import io.shardrun.executor.browser.ChromeArgs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.remote.http.ClientConfig;

/**
 * bench-executor's plain-WebDriver baseline: a suite's files one after another, each in a new
 * session with a new profile folder (a shared one would carry cookies and storage over), on one
 * chromedriver, as a W3C client with no executor would run them: Selenium's client without its
 * per-command tracing. Same Chromium flags as the executor.
 */
final class PlainWebDriverRun {
  private PlainWebDriverRun() {}

  /** Whether the baseline can run every step of {@code file}. */
  static boolean maps(ActionFile file) {
    return file.steps().stream().map(Step::command).noneMatch(PlainWebDriverSteps.UNMAPPED::contains);
  }

  /** Runs {@code files} in order; returns what failed, one line per file, empty when all passed. */
  static List<String> run(BrowserTools tools, List<ActionFile> files, Map<String, String> environment) throws IOException {
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(tools.chromedriver().toFile())
        .usingAnyFreePort().withLogOutput(OutputStream.nullOutputStream()).build();
    Path profiles = Files.createTempDirectory("shardrun-bench-baseline-");
    List<String> failures = new ArrayList<>();
    try {
      service.start();
      for (int i = 0; i < files.size(); i++) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(tools.chromium().toFile());
        options.addArguments(ChromeArgs.headless(profiles.resolve("profile-" + i), true));
        RemoteWebDriver driver = new RemoteWebDriver(service.getUrl(), options, ClientConfig.defaultConfig(), false); // no tracing
        try {
          PlainWebDriverSteps steps = new PlainWebDriverSteps(driver, environment);
          files.get(i).steps().forEach(steps::run);
        } catch (RuntimeException e) {
          failures.add(files.get(i).path() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        } finally {
          driver.quit();
        }
      }
    } finally {
      service.stop();
      BenchExecutorCommand.deleteTree(profiles);
    }
    return failures;
  }
}
