package dev.gitopscrew.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The record of every schedule slot, in the state store. A slot is claimed by inserting its row
 * before it runs; the store's unique index on (schedule, slot) lets exactly one claim succeed,
 * whichever replica makes it.
 */
public interface ScheduleRuns {

  /** The row of a new slot, or empty when the slot was claimed already. */
  Optional<Long> claim(String schedule, Instant slotAt, String kind, Instant now);

  /** Records the run's end. */
  void finish(long id, Result result, Instant now);

  /** What a run ended with. */
  record Result(Long sessionId, String outcome, String digest, String summary, boolean posted) {}

  /** The latest slot recorded for the schedule, manual runs aside. */
  Optional<Instant> lastSlot(String schedule);

  /** The newest finished run with a result (not skipped, not interrupted), but {@code except}. */
  Optional<ScheduleRun> lastResult(String schedule, long except);

  /** The newest runs of a schedule, newest first. */
  List<ScheduleRun> history(String schedule, int limit);

  /** Runs in {@code state} (a stopped process's leftovers at start-up). */
  List<ScheduleRun> inState(String state);

  /** Moves a run from {@code from} to {@code to}; false when another process moved it first. */
  boolean move(long id, String from, String to);

  Optional<ScheduleRun> find(long id);
}
