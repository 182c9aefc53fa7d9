package io.shardrun.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** A {@code --timeout} as kubectl writes one: {@code 90s}, {@code 30m}, {@code 1h30m}; a bare number is seconds. */
final class WaitTimeout implements CommandLine.ITypeConverter<Duration> {
  private static final Pattern FORM = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  @Override
  public Duration convert(String value) {
    if (value.matches("\\d{1,9}")) {
      return positive(Duration.ofSeconds(Long.parseLong(value)), value);
    }
    Matcher m = FORM.matcher(value);
    if (value.isEmpty() || value.length() > 20 || !m.matches()) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a duration; expected e.g. 90s, 30m or 1h30m");
    }
    Duration d = Duration.ofHours(part(m, 1)).plusMinutes(part(m, 2)).plusSeconds(part(m, 3));
    return positive(d, value);
  }

  private static long part(Matcher m, int group) {
    return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
  }

  private static Duration positive(Duration d, String value) {
    if (d.isZero()) {
      throw new CommandLine.TypeConversionException("'" + value + "' is no time at all; expected more than 0 seconds");
    }
    return d;
  }
}
