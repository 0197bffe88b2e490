package dev.gitopscrew.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The schedules of the crew: what the CLI and the API list and run, and the ticker the leader
 * starts ({@link RunDueSchedules} every few seconds on one thread of its own).
 */
public final class Schedules implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(Schedules.class.getName());

  private final RunDueSchedules due;
  private final RunScheduleSlot slot;
  private final ScheduleRuns runs;
  private final Clock clock;
  private ScheduledExecutorService ticker;

  public Schedules(RunDueSchedules due, RunScheduleSlot slot, ScheduleRuns runs, Clock clock) {
    this.due = due;
    this.slot = slot;
    this.runs = runs;
    this.clock = clock;
  }

  public List<ScheduleStatus> list() {
    Instant now = clock.instant();
    return due.schedules().stream()
        .map(
            s ->
                new ScheduleStatus(
                    s.name(),
                    s.timing().describe(),
                    s.hours().map(ActiveHours::describe).orElse(null),
                    s.request(),
                    s.target().text(),
                    s.post().word(),
                    s.catchUp().word(),
                    s.nextAfter(now).orElse(null),
                    runs.history(s.name(), 1).stream().findFirst().orElse(null)))
        .toList();
  }

  public Optional<Schedule> named(String name) {
    return due.schedules().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** Runs a schedule now, as a manual slot of its own; empty when there is no such schedule. */
  public Optional<ScheduleRun> runNow(String name) throws InterruptedException {
    Optional<Schedule> schedule = named(name);
    if (schedule.isEmpty()) {
      return Optional.empty();
    }
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Optional<Long> id = Optional.empty();
    for (int i = 0; id.isEmpty() && i < 1000; i++) {
      id = runs.claim(name, at.plusMillis(i), "manual", clock.instant());
    }
    return Optional.of(slot.run(schedule.get(), id.orElseThrow()));
  }

  /** The newest runs of a schedule, newest first; empty when there is no such schedule. */
  public Optional<List<ScheduleRun>> history(String name, int limit) {
    return named(name).map(s -> runs.history(name, limit));
  }

  /** Starts ticking (the leader does, once); a schedule-less crew starts nothing. */
  public synchronized void start(Duration every) {
    if (ticker != null || due.schedules().isEmpty()) {
      return;
    }
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "schedules");
              t.setDaemon(true);
              return t;
            });
    ticker.scheduleWithFixedDelay(this::tick, 0, every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One tick now, as the ticker makes them: runs what is due and returns those runs. */
  public List<ScheduleRun> runDue() throws InterruptedException {
    return due.tick();
  }

  private void tick() {
    try {
      runDue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "schedules: the tick failed: " + e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
  }
}
