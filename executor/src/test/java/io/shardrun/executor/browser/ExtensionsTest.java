package io.shardrun.executor.browser;

import io.shardrun.executor.run.FailFast;
import io.shardrun.core.variant.Variants;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.suite.Suite;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteParser;
import io.shardrun.crd.v1alpha1.Isolation;
import io.shardrun.executor.TestBrowser;
import io.shardrun.executor.run.FileRunner;
import io.shardrun.executor.run.RunLimits;
import io.shardrun.executor.run.ShardRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * meta.extensions on real Chromium: the fixture suite's marker extension (an MV3 content script
 * that adds an element to every page) is loaded for the file that asks for it, and not seen by
 * the files of the same shard before and after it, whichever the run's isolation.
 */
class ExtensionsTest {
  static final Path SUITE = Path.of("src/test/resources/suites/extension");
  static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor();
  static final RunLimits LIMITS = new RunLimits(Duration.ofSeconds(5), Duration.ofSeconds(60), null, Instant.now());

  @TempDir Path out;

  @AfterAll
  static void stop() {
    WATCHDOG.shutdownNow();
  }

  @ParameterizedTest
  @EnumSource(Isolation.class)
  void onlyTheFileThatAsksForTheExtensionRunsWithIt(Isolation isolation) {
    Suite suite = SuiteParser.parse(SuiteFiles.fromDirectory(SUITE)).orThrow();
    RemoteSessions sessions = TestBrowser.sessions().withExtensionsIn(ExtensionsFolder.of(SUITE, suite));
    try (ContextSessions contexts = new ContextSessions(sessions, sessions.withBiDi(), isolation, notice -> { })) {
      FileRunner files = new FileRunner(contexts, Map.of("BASE_URL", TestBrowser.baseUrl()), LIMITS, out, WATCHDOG);

      List<FileRun> runs = new ShardRunner(suite, files, LIMITS, Variants.NONE, FailFast.off(), run -> { })
          .run(0, List.of("without-extension.json", "with-extension.json", "without-extension.json"));

      assertThat(runs).extracting(FileRun::file, FileRun::status, FileRun::message).containsExactly(
          org.assertj.core.groups.Tuple.tuple("without-extension.json", Outcome.PASSED, null),
          org.assertj.core.groups.Tuple.tuple("with-extension.json", Outcome.PASSED, null),
          org.assertj.core.groups.Tuple.tuple("without-extension.json", Outcome.PASSED, null));
    }
  }

  @Test
  void aSuiteFolderWithACommaIsRefusedOnlyWhenAFileLoadsAnExtension(@TempDir Path dir) throws Exception {
    Path suiteDir = Files.createDirectories(dir.resolve("a,b"));
    Suite plain = SuiteParser.parse(SuiteFiles.fromDirectory(SUITE)).orThrow();
    Suite none = new Suite(new java.util.TreeMap<>(Map.of("without-extension.json", plain.file("without-extension.json"))),
        plain.graph(), plain.budgets());

    assertThat(ExtensionsFolder.of(suiteDir, none)).isEqualTo(suiteDir.toAbsolutePath().resolve("extensions"));
    assertThatThrownBy(() -> ExtensionsFolder.of(suiteDir, plain)).isInstanceOf(BrowserUnavailableException.class)
        .hasMessage("the suite's extensions are in " + suiteDir.toAbsolutePath().resolve("extensions") + ", a path with a comma,"
            + " which Chromium's --load-extension flag cannot take (it separates extensions by commas): move the suite");
  }

  @Test
  void theFlagsLoadTheGivenFoldersAndNoOtherExtension() {
    assertThat(ChromeArgs.extensions(List.of(Path.of("/s/extensions/a"), Path.of("/s/extensions/b")))).containsExactly(
        "--load-extension=/s/extensions/a,/s/extensions/b", "--disable-extensions-except=/s/extensions/a,/s/extensions/b");
  }
}
