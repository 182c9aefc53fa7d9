package io.shardrun.core.results;

/**
 * How a run with spec.startTogether starts: once every shard's pod is ready (its executor has
 * published its first results document, its browser up), the operator writes one time (RFC 3339)
 * to annotation {@value #ANNOTATION} of each, and every executor starts its first file at that
 * time. A pod made after that (a replacement) is given the same time, and so starts at once.
 */
public final class StartTogether {
  public static final String ANNOTATION = "shardrun.io/start";

  private StartTogether() {}
}
