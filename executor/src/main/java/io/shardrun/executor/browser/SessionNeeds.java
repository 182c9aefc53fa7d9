package io.shardrun.executor.browser;

import io.shardrun.core.action.Meta;
import io.shardrun.crd.v1alpha1.Isolation;
import java.util.List;

/**
 * What one file asks of its browser.
 *
 * @param isolation how it is kept apart from the files before it; null for the factory's choice
 * @param extensions names of the suite's extensions ({@code extensions/NAME/}) its browser loads:
 *     a browser of its own, since Chromium loads extensions only as it starts
 */
public record SessionNeeds(Isolation isolation, List<String> extensions) {
  /** No wish: the factory's isolation, no extensions. */
  public static final SessionNeeds ANY = new SessionNeeds(null, List.of());

  public SessionNeeds {
    extensions = List.copyOf(extensions);
  }

  public static SessionNeeds of(Meta meta) {
    return new SessionNeeds(meta.isolation(), meta.extensions());
  }
}
