package io.shardrun.operator;

import java.util.function.Supplier;

/** A value computed on first use and kept: for reads a reconcile may need several times, or not at all. */
final class Once<T> implements Supplier<T> {
  private final Supplier<T> source;
  private T value;

  Once(Supplier<T> source) {
    this.source = source;
  }

  @Override
  public T get() {
    if (value == null) {
      value = source.get();
    }
    return value;
  }
}
