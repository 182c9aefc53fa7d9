package io.shardrun.cli;

import io.shardrun.core.render.Images;
import picocli.CommandLine.Option;

/**
 * The images of shard pods where the TestRun does not name its own, shared by {@code operator}
 * and {@code render-jobs} so both render the same Jobs (a mirror registry, say).
 */
final class ImageOptions {
  private static final Images DEFAULTS = Images.defaults();

  @Option(names = "--executor-image", paramLabel = "IMAGE",
      description = "Image of shard pods' executor container when spec.executor.image is unset. Default: ${DEFAULT-VALUE}.")
  String executor = DEFAULTS.executor();

  @Option(names = "--browser-image", paramLabel = "IMAGE",
      description = "Image of shard pods' browser sidecar when spec.browser.image is unset. Default: ${DEFAULT-VALUE}.")
  String browser = DEFAULTS.browser();

  /** The images given; a blank one is a usage error naming its option. */
  Images images() {
    return new Images(require("--executor-image", executor), require("--browser-image", browser));
  }

  private static String require(String option, String image) {
    if (image == null || image.isBlank()) {
      throw new CliException(option + " must name an image, found '" + (image == null ? "" : image) + "'");
    }
    return image;
  }
}
