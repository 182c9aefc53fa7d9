package io.shardrun.core.render;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Default images for shard pods, tagged with this build's version so the operator, render-jobs
 * and the pods it makes always match.
 *
 * @param executor image running {@code shardrun execute}
 * @param browser image serving WebDriver (chromedriver + Chromium)
 */
public record Images(String executor, String browser) {
  public static final String REPOSITORY = "ghcr.io/shardrun/";

  /** The images of this build's version. */
  public static Images defaults() {
    String version = version();
    return new Images(REPOSITORY + "shardrun:" + version, REPOSITORY + "shardrun-browser:" + version);
  }

  /** This build's version, e.g. 0.1.0. */
  public static String version() {
    try (InputStream in = Images.class.getResourceAsStream("/io/shardrun/core/version.properties")) {
      Properties props = new Properties();
      props.load(in);
      return props.getProperty("version");
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("version.properties missing from the build", e);
    }
  }
}
