package dev.gitopscrew.assembly;

import dev.gitopscrew.config.CrewConfig;
import dev.gitopscrew.intake.RunScheduledRequest;
import dev.gitopscrew.schedule.RunDueSchedules;
import dev.gitopscrew.schedule.RunScheduleSlot;
import dev.gitopscrew.schedule.Schedule;
import dev.gitopscrew.schedule.Schedules;
import dev.gitopscrew.settings.Secrets;
import dev.gitopscrew.store.JdbcScheduleRuns;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The schedules of a crew (docs/schedules.md): the configured ones, their runs in the crew's store,
 * their requests through the crew's {@code RunRequest}, their results posted to each one's target
 * ({@link PostScheduleResult}). The gateway starts their ticker on the leader; the CLI lists and
 * runs them.
 */
public final class ScheduleWiring {

  /** How often the leader looks for a due slot. */
  public static final Duration TICK = Duration.ofSeconds(15);

  /** How late a slot may be found and still count as on time, not missed (catchUp). */
  static final Duration GRACE = Duration.ofMinutes(5);

  private ScheduleWiring() {}

  public static Schedules build(Crew crew) {
    return build(crew, Clock.systemUTC());
  }

  /** As above, the slots ticking by {@code clock} (a test's). */
  public static Schedules build(Crew crew, Clock clock) {
    CrewConfig config = crew.context().loaded().config();
    // the configuration loader checked each one; an invalid schedule never gets here
    List<Schedule> schedules =
        config.schedules().stream()
            .map(
                e ->
                    e.spec()
                        .read(
                            config.scheduleZone(),
                            crew.runRequest().catalogue(),
                            config.schedulesPlanFreeText()))
            .toList();
    JdbcScheduleRuns runs = new JdbcScheduleRuns(crew.store().dataSource());
    RunScheduleSlot slot =
        new RunScheduleSlot(
            runs,
            new RunScheduledRequest(crew.runRequest()),
            new PostScheduleResult(
                crew.chat(),
                new PostScheduleIssue(
                    crew.changes(),
                    crew.runRequest().catalogue(),
                    crew.audit(),
                    Secrets.redactor(config, crew.context().env()),
                    Clock.systemUTC())),
            crew.metrics()::scheduleRun,
            clock);
    return new Schedules(
        new RunDueSchedules(schedules, runs, slot, clock, GRACE), slot, runs, clock);
  }
}
