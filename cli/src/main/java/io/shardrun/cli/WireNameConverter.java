package io.shardrun.cli;

import io.shardrun.crd.v1alpha1.WireNamed;
import java.util.Arrays;
import picocli.CommandLine;

/** Reads a flag's value as the lower-case name of one of an enum's values, as the TestRun's fields spell them. */
abstract class WireNameConverter<E extends Enum<E> & WireNamed> implements CommandLine.ITypeConverter<E> {
  private final E[] values;

  WireNameConverter(E[] values) {
    this.values = values;
  }

  @Override
  public E convert(String value) {
    E found = WireNamed.ofWireName(values, value);
    if (found == null) {
      throw new CommandLine.TypeConversionException("expected "
          + String.join(" or ", Arrays.stream(values).map(WireNamed::wireName).toList()) + ", found '" + value + "'");
    }
    return found;
  }
}
