package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How each action file is kept apart from the files before it on the same shard. */
public enum Isolation implements WireNamed {
  /**
   * One browser per shard; each file (and each retry) in a user context of its own (WebDriver
   * BiDi): its own cookies, storage, cache and permissions, closed after it.
   */
  @JsonProperty("context")
  CONTEXT,
  /** Each file (and each retry) in a browser session of its own, with a fresh profile. */
  @JsonProperty("session")
  SESSION;

  /** The isolation a name stands for; null for any other text. */
  public static Isolation ofWireName(String name) {
    return WireNamed.ofWireName(values(), name);
  }
}
