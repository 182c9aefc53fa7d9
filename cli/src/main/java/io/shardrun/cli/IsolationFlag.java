package io.shardrun.cli;

import io.shardrun.crd.v1alpha1.Isolation;

/** {@code --isolation context|session}, as spec.executor.isolation and meta.isolation spell it. */
final class IsolationFlag extends WireNameConverter<Isolation> {
  static final String DESCRIPTION = "How each file is kept apart from the files before it on its shard: context (one browser"
      + " per shard, each file in a WebDriver BiDi user context of its own, with its own cookies, storage, cache and"
      + " permissions) or session (each file in a new browser with a fresh profile). A file's meta.isolation wins."
      + " Default: context (session where the browser cannot make user contexts).";

  IsolationFlag() {
    super(Isolation.values());
  }
}
