package dev.gitopscrew.schedule;

import java.time.Instant;

/**
 * One slot of a schedule as the store holds it: claimed (state {@code started}) before its request
 * runs, {@code done} with its outcome after; {@code rerunning} while a slot a stopped process left
 * started is completed once.
 *
 * @param kind {@code scheduled}, {@code catch-up} (missed while the crew was down), {@code manual}
 *     ({@code crew schedules run}) or {@code skipped} (missed, and {@code catchUp: skip})
 * @param rerun whether it was completed after a restart, its first run having been cut short
 * @param outcome the root session's terminal state ({@code succeeded}, {@code failed}…), {@code
 *     refused}, {@code invalid}, {@code skipped} or {@code interrupted}; null while it runs
 * @param digest a hash of the result, to tell a changed result from the same one
 * @param posted whether the result was posted to the schedule's target
 */
public record ScheduleRun(
    long id,
    String schedule,
    Instant slotAt,
    String kind,
    String state,
    boolean rerun,
    Long sessionId,
    String outcome,
    String digest,
    String summary,
    boolean posted,
    Instant startedAt,
    Instant finishedAt) {

  public static final String STARTED = "started";
  public static final String RERUNNING = "rerunning";
  public static final String DONE = "done";

  public boolean succeeded() {
    return "succeeded".equals(outcome);
  }

  /**
   * One line for {@code crew schedules history}: the summary's first line (the session has all).
   */
  public String describe() {
    return slotAt
        + " "
        + kind
        + (rerun ? " (rerun after a restart)" : "")
        + ": "
        + (outcome == null ? state : outcome)
        + (sessionId == null ? "" : " session #" + sessionId)
        + (posted ? ", posted" : "")
        + (summary == null || summary.isBlank()
            ? ""
            : " — " + summary.lines().findFirst().orElse(""));
  }
}
