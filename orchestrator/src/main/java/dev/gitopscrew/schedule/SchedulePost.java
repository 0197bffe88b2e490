package dev.gitopscrew.schedule;

/** Posts a run's result to its schedule's {@link ScheduleTarget}. */
@FunctionalInterface
public interface SchedulePost {

  void post(Schedule schedule, ScheduleRun run);
}
