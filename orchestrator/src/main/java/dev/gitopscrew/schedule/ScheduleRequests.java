package dev.gitopscrew.schedule;

/** Runs a schedule's request line as a request like any other, and waits for its result. */
@FunctionalInterface
public interface ScheduleRequests {

  /**
   * @param sessionId the root session, or null when the request never started
   * @param outcome the root's terminal state, or {@code refused} / {@code invalid}
   * @param result what the result is made of (state, text, data), compared between runs
   */
  record Ran(Long sessionId, String outcome, String summary, String result) {}

  Ran run(Schedule schedule) throws InterruptedException;
}
