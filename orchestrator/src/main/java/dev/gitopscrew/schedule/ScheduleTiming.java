package dev.gitopscrew.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.time.ExecutionTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The slots of a schedule: the times of a five-field cron expression in a time zone (cron-utils
 * computes them), or every so long counted from the epoch, so that every replica sees the same
 * slots.
 */
public sealed interface ScheduleTiming {

  /** The latest slot at or before {@code t}. */
  Optional<Instant> atOrBefore(Instant t);

  /** The slot after {@code t}. */
  Optional<Instant> after(Instant t);

  /** In words, as {@code crew schedules list} shows it. */
  String describe();

  /** A cron expression's slots, in {@code zone}. */
  record CronTiming(String expression, ZoneId zone, Cron cron) implements ScheduleTiming {

    private ExecutionTime executions() {
      return ExecutionTime.forCron(cron);
    }

    @Override
    public Optional<Instant> atOrBefore(Instant t) {
      // lastExecution is strictly before its argument; cron slots fall on whole seconds
      Instant bound = t.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
      return executions().lastExecution(bound.atZone(zone)).map(z -> z.toInstant());
    }

    @Override
    public Optional<Instant> after(Instant t) {
      return executions().nextExecution(t.atZone(zone)).map(z -> z.toInstant());
    }

    @Override
    public String describe() {
      return "cron \"" + expression + "\" (" + zone.getId() + ")";
    }
  }

  /** Every {@code period}, on whole multiples of it since the epoch (UTC). */
  record EveryTiming(String written, Duration period) implements ScheduleTiming {

    @Override
    public Optional<Instant> atOrBefore(Instant t) {
      long step = period.toMillis();
      return Optional.of(Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), step) * step));
    }

    @Override
    public Optional<Instant> after(Instant t) {
      return atOrBefore(t).map(slot -> slot.plus(period));
    }

    @Override
    public String describe() {
      return "every " + written;
    }
  }
}
