package dev.gitopscrew.schedule;

import java.util.Locale;
import java.util.Optional;

/**
 * One configured schedule, read and checked ({@link ScheduleSpec}): a request line of the catalogue
 * run at each slot of its {@link ScheduleTiming}, within its active hours, its result posted to
 * {@code target} as {@code post} says.
 *
 * @param target where the result goes ({@link ScheduleTarget}: alerts, a Discord channel, a
 *     webhook, an issue, none)
 * @param activeHours the hours slots run in, or null for all day
 */
public record Schedule(
    String name,
    ScheduleTiming timing,
    String request,
    ScheduleTarget target,
    Post post,
    ActiveHours activeHours,
    CatchUp catchUp) {

  /** When a run's result is posted. */
  public enum Post {
    ALWAYS,
    CHANGED,
    FAILED;

    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What a slot missed while the crew was down becomes: one run at start-up, or nothing. */
  public enum CatchUp {
    ONCE,
    SKIP;

    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The first slot after {@code t} within the active hours; empty when none comes. */
  public Optional<java.time.Instant> nextAfter(java.time.Instant t) {
    Optional<java.time.Instant> slot = timing.after(t);
    for (int i = 0; i < 10_000 && slot.isPresent(); i++) {
      java.time.Instant at = slot.get();
      if (activeHours == null || activeHours.contains(at)) {
        return slot;
      }
      slot = timing.after(at);
    }
    return Optional.empty();
  }

  public Optional<ActiveHours> hours() {
    return Optional.ofNullable(activeHours);
  }
}
