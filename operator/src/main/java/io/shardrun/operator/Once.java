package io.shardrun.operator;

import java.util.function.Supplier;

/**
 * A value computed on first use and kept: for reads a reconcile may need several times, or not at
 * all. Once computed, the source is let go, and with it whatever it held.
 */
final class Once<T> implements Supplier<T> {
  private Supplier<T> source;
  private T value;

  Once(Supplier<T> source) {
    this.source = source;
  }

  @Override
  public T get() {
    if (source != null) {
      value = source.get();
      source = null;
    }
    return value;
  }
}
