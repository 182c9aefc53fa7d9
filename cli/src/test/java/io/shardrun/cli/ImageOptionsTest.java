package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardrun.core.render.Images;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * --executor-image and --browser-image, alike on operator and render-jobs. What the images do is
 * RenderJobsCommandTest's and the operator module's TestRunReconcilerTest's.
 */
class ImageOptionsTest {
  @ParameterizedTest
  @ValueSource(strings = {"operator", "render-jobs"})
  void helpSaysWhenEachImageIsUsedAndItsDefault(String command) {
    Cli cli = Cli.run(command, "--help");
    assertThat(squeezed(cli.out()))
        .contains(squeezed("--executor-image=IMAGE Image of shard pods' executor container when spec.executor.image is unset."
            + " Default: " + Images.defaults().executor() + "."))
        .contains(squeezed("--browser-image=IMAGE Image of shard pods' browser sidecar when spec.browser.image is unset."
            + " Default: " + Images.defaults().browser() + "."));
  }

  @ParameterizedTest
  @ValueSource(strings = {"operator", "render-jobs"})
  void aBlankImageIsAUsageErrorNamingItsFlagBeforeAnythingIsRead(String command) {
    Cli executor = runWithRequiredFlags(command, "--executor-image", "");
    assertThat(executor.exitCode()).isEqualTo(2);
    assertThat(executor.err()).isEqualTo("error: --executor-image must name an image, found ''\n");

    Cli browser = runWithRequiredFlags(command, "--browser-image", " ");
    assertThat(browser.exitCode()).isEqualTo(2);
    assertThat(browser.err()).isEqualTo("error: --browser-image must name an image, found ' '\n");
  }

  /** render-jobs requires -f: a file that does not exist, since a blank image ends the command first. */
  private static Cli runWithRequiredFlags(String command, String... flags) {
    List<String> args = new ArrayList<>(List.of(command));
    if (command.equals("render-jobs")) {
      args.addAll(List.of("-f", "never-read.yaml"));
    }
    args.addAll(List.of(flags));
    return Cli.run(args.toArray(String[]::new));
  }

  /** Help text without its line breaks, which picocli puts at spaces and dots alike. */
  private static String squeezed(String text) {
    return text.replaceAll("\\s+", "");
  }
}
