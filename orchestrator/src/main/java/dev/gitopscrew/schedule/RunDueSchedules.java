package dev.gitopscrew.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One tick of the schedules, on the leader: slots a stopped process left started are completed once
 * (first tick only); then for each schedule the newest slot due since the last one recorded (within
 * its active hours) is claimed in the store and run. A slot that is due for longer than the grace
 * was missed (the crew was down): it runs once, or is recorded as skipped ({@code catchUp}); older
 * missed slots are not run. Ticking again at the same instant runs nothing.
 */
public final class RunDueSchedules {

  private static final System.Logger LOG = System.getLogger(RunDueSchedules.class.getName());
  private static final int MAX_STEPS_BACK = 10_000;

  private final List<Schedule> schedules;
  private final ScheduleRuns runs;
  private final RunScheduleSlot slot;
  private final Clock clock;
  private final Duration grace;
  // a schedule with no slot recorded yet starts from the first tick that sees it
  private final Map<String, Instant> firstSeen = new HashMap<>();
  private boolean recovered;

  /**
   * @param grace how late a slot may be found and still count as on time
   */
  public RunDueSchedules(
      List<Schedule> schedules,
      ScheduleRuns runs,
      RunScheduleSlot slot,
      Clock clock,
      Duration grace) {
    this.schedules = List.copyOf(schedules);
    this.runs = runs;
    this.slot = slot;
    this.clock = clock;
    this.grace = grace;
  }

  /** Runs what is due now; returns the runs it made, in order. */
  public synchronized List<ScheduleRun> tick() throws InterruptedException {
    List<ScheduleRun> made = new ArrayList<>();
    if (!recovered) {
      recovered = true;
      made.addAll(completeLeftovers());
    }
    Instant now = clock.instant();
    for (Schedule schedule : schedules) {
      Instant since =
          runs.lastSlot(schedule.name())
              .orElseGet(() -> firstSeen.computeIfAbsent(schedule.name(), n -> now));
      Optional<Instant> due = newestDue(schedule, since, now);
      if (due.isEmpty()) {
        continue;
      }
      boolean late = Duration.between(due.get(), now).compareTo(grace) > 0;
      if (late && schedule.catchUp() == Schedule.CatchUp.SKIP) {
        runs.claim(schedule.name(), due.get(), "skipped", now)
            .ifPresent(id -> runs.finish(id, skipped(), now));
        continue;
      }
      if (late && schedule.hours().map(h -> !h.contains(now)).orElse(false)) {
        continue; // a missed slot is caught up within the active hours only
      }
      Optional<Long> claimed =
          runs.claim(schedule.name(), due.get(), late ? "catch-up" : "scheduled", now);
      if (claimed.isPresent()) {
        made.add(slot.run(schedule, claimed.get()));
      }
    }
    return made;
  }

  /** The newest slot after {@code since}, up to {@code now}, within the active hours. */
  static Optional<Instant> newestDue(Schedule schedule, Instant since, Instant now) {
    Optional<Instant> slot = schedule.timing().atOrBefore(now);
    for (int i = 0; i < MAX_STEPS_BACK && slot.isPresent() && slot.get().isAfter(since); i++) {
      Instant at = slot.get();
      if (schedule.hours().map(h -> h.contains(at)).orElse(true)) {
        return slot;
      }
      slot = schedule.timing().atOrBefore(at.minusMillis(1));
    }
    return Optional.empty();
  }

  /**
   * Slots a stopped process claimed and never finished run once now, recorded as reruns; one
   * already rerun and cut short again is recorded as interrupted, never run a third time.
   */
  private List<ScheduleRun> completeLeftovers() throws InterruptedException {
    Instant now = clock.instant();
    for (ScheduleRun twice : runs.inState(ScheduleRun.RERUNNING)) {
      runs.finish(
          twice.id(),
          new ScheduleRuns.Result(
              twice.sessionId(),
              "interrupted",
              null,
              "cut short twice by a restart; not run again",
              false),
          now);
    }
    List<ScheduleRun> made = new ArrayList<>();
    for (ScheduleRun left : runs.inState(ScheduleRun.STARTED)) {
      Optional<Schedule> schedule =
          schedules.stream().filter(s -> s.name().equals(left.schedule())).findFirst();
      if (!runs.move(left.id(), ScheduleRun.STARTED, ScheduleRun.RERUNNING)) {
        continue; // another process took it over
      }
      if (schedule.isEmpty()) {
        runs.finish(
            left.id(),
            new ScheduleRuns.Result(
                null, "interrupted", null, "no longer configured; not run again", false),
            now);
        continue;
      }
      LOG.log(
          System.Logger.Level.INFO,
          "schedule "
              + left.schedule()
              + ": completing slot "
              + left.slotAt()
              + " after a restart");
      made.add(slot.run(schedule.get(), left.id()));
    }
    return made;
  }

  private static ScheduleRuns.Result skipped() {
    return new ScheduleRuns.Result(
        null, "skipped", null, "missed while the crew was down (catchUp: skip)", false);
  }

  public List<Schedule> schedules() {
    return schedules;
  }
}
