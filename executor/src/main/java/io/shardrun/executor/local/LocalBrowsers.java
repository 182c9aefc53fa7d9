package io.shardrun.executor.local;

import io.shardrun.crd.v1alpha1.Isolation;
import io.shardrun.executor.browser.BrowserTools;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * How a local run's workers get their browsers.
 *
 * @param tools where chromedriver and Chromium are
 * @param loopbackOnly the site under test is on this machine: Chromium resolves no other host
 * @param isolation for files whose meta.isolation does not say
 * @param notices told what the run's user should know about the browsers (once each)
 * @param extensions the suite's extensions folder ({@link io.shardrun.executor.browser.ExtensionsFolder})
 */
public record LocalBrowsers(BrowserTools tools, boolean loopbackOnly, Isolation isolation, Consumer<String> notices,
    Path extensions) {}
