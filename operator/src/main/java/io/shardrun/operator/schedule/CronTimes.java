package io.shardrun.operator.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * The times a schedule names, read as a CronJob reads its {@code schedule} and {@code timeZone}:
 * five cron fields or a macro such as {@code @daily}, in an IANA time zone.
 */
public final class CronTimes {
  /** Beyond this many missed times the count is not taken further: "more than 100", as CronJob says. */
  public static final int MISSED_COUNT_LIMIT = 100;
  private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  /** The macros CronJob accepts, as the five fields they stand for. */
  private static final Map<String, String> MACROS = Map.of(
      "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0",
      "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");

  private final ExecutionTime times;
  private final ZoneId zone;

  private CronTimes(ExecutionTime times, ZoneId zone) {
    this.times = times;
    this.zone = zone;
  }

  /**
   * A due time: the latest scheduled time in a window, and how many scheduled times the window
   * held (that one included), up to {@link #MISSED_COUNT_LIMIT} + 1.
   */
  public record Due(Instant time, int count) {
    public boolean countCapped() {
      return count > MISSED_COUNT_LIMIT;
    }
  }

  /** The schedule's times, or the problem with its fields as {@code field: what was expected}. */
  public static Parsed parse(String schedule, String timeZone) {
    if (timeZone == null || !ZoneId.getAvailableZoneIds().contains(timeZone)) {
      return new Parsed(null, "spec.timeZone: expected an IANA time zone name such as UTC or Europe/Berlin, found '"
          + timeZone + "'");
    }
    String fields = schedule == null ? "" : MACROS.getOrDefault(schedule.trim(), schedule.trim());
    try {
      return new Parsed(new CronTimes(ExecutionTime.forCron(PARSER.parse(fields).validate()), ZoneId.of(timeZone)), null);
    } catch (IllegalArgumentException e) {
      return new Parsed(null, "spec.schedule: expected five cron fields (minute hour day-of-month month day-of-week),"
          + " such as '0 2 * * *', or one of " + String.join(", ", MACROS.keySet().stream().sorted().toList())
          + "; found '" + schedule + "'");
    }
  }

  /** @param problem null when {@code times} is set */
  public record Parsed(CronTimes times, String problem) {}

  /** The latest scheduled time after {@code since} and at or before {@code now}, if any. */
  public Optional<Due> latest(Instant since, Instant now) {
    ZonedDateTime end = now.atZone(zone);
    ZonedDateTime cursor = since.atZone(zone);
    ZonedDateTime last = null;
    int count = 0;
    for (Optional<ZonedDateTime> next = times.nextExecution(cursor); next.isPresent() && !next.get().isAfter(end);
        next = times.nextExecution(cursor)) {
      cursor = next.get();
      last = cursor;
      if (++count > MISSED_COUNT_LIMIT) {
        // Counting on would take as long as the downtime was: jump to the latest time instead.
        last = times.lastExecution(end.plusMinutes(1).truncatedTo(ChronoUnit.MINUTES)).filter(t -> !t.isAfter(end)).orElse(last);
        break;
      }
    }
    return last == null ? Optional.empty() : Optional.of(new Due(last.toInstant(), count));
  }

  /** The first scheduled time after {@code now}; empty for a schedule that never comes again (30 February). */
  public Optional<Instant> next(Instant now) {
    return times.nextExecution(now.atZone(zone)).map(ZonedDateTime::toInstant);
  }
}
