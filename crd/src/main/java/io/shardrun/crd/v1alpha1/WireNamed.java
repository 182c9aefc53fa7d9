package io.shardrun.crd.v1alpha1;

import java.util.Locale;

/** An enum whose values users write in lower case, in YAML and on the command line. */
public interface WireNamed {
  String name();

  /** The name users write. */
  default String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The value of {@code values} that {@code text} names; null for any other text. */
  static <E extends Enum<E> & WireNamed> E ofWireName(E[] values, String text) {
    for (E value : values) {
      if (value.wireName().equals(text)) {
        return value;
      }
    }
    return null;
  }
}
