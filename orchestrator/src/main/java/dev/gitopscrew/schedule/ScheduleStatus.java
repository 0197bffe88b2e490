package dev.gitopscrew.schedule;

import java.time.Instant;

/**
 * A schedule as {@code crew schedules list} and {@code GET /api/schedules} show it.
 *
 * @param nextDue the next slot, or null when none comes (an impossible date)
 * @param last its newest run, or null before the first
 */
public record ScheduleStatus(
    String name,
    String when,
    String activeHours,
    String request,
    String target,
    String post,
    String catchUp,
    Instant nextDue,
    ScheduleRun last) {

  public String describe() {
    return name
        + ": "
        + request
        + ", "
        + when
        + (activeHours == null ? "" : " within " + activeHours)
        + "; next "
        + (nextDue == null ? "never" : nextDue.toString())
        + "; posts "
        + post
        + " to "
        + target
        + "; last: "
        + (last == null ? "not run yet" : last.describe());
  }
}
