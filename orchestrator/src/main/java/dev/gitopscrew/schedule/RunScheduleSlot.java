package dev.gitopscrew.schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Runs one claimed slot: the schedule's request, its outcome recorded on the slot's row, and its
 * result posted when the schedule's {@code post} says so ({@code changed}: its result differs from
 * the previous run's).
 */
public final class RunScheduleSlot {

  private static final System.Logger LOG = System.getLogger(RunScheduleSlot.class.getName());

  private final ScheduleRuns runs;
  private final ScheduleRequests requests;
  private final SchedulePost post;
  private final Counted counted;
  private final Clock clock;

  /** What the metrics hear of each run that ended. */
  @FunctionalInterface
  public interface Counted {
    /**
     * @param lag how long after its slot the run started (zero for a run asked for now)
     */
    void ran(String schedule, String outcome, Duration lag);
  }

  /**
   * @param counted each run's schedule, outcome and lag, for the metrics
   */
  public RunScheduleSlot(
      ScheduleRuns runs,
      ScheduleRequests requests,
      SchedulePost post,
      Counted counted,
      Clock clock) {
    this.runs = runs;
    this.requests = requests;
    this.post = post;
    this.counted = counted;
    this.clock = clock;
  }

  /** Runs the slot recorded as row {@code id} and returns the row as it ends. */
  public ScheduleRun run(Schedule schedule, long id) throws InterruptedException {
    ScheduleRequests.Ran ran;
    try {
      ran = requests.run(schedule);
    } catch (RuntimeException e) {
      ran = new ScheduleRequests.Ran(null, "failed", String.valueOf(e.getMessage()), "error");
    }
    String digest = digest(ran.outcome() + "\n" + ran.result());
    boolean posting =
        schedule.target().posts()
            && switch (schedule.post()) {
              case ALWAYS -> true;
              case FAILED -> !"succeeded".equals(ran.outcome());
              case CHANGED ->
                  runs.lastResult(schedule.name(), id)
                      .map(previous -> !digest.equals(previous.digest()))
                      .orElse(true);
            };
    runs.finish(
        id,
        new ScheduleRuns.Result(
            ran.sessionId(), ran.outcome(), digest, bounded(ran.summary()), posting),
        clock.instant());
    ScheduleRun done = runs.find(id).orElseThrow();
    counted.ran(schedule.name(), ran.outcome(), lag(done));
    if (posting) {
      try {
        post.post(schedule, done);
      } catch (RuntimeException e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "the result of schedule " + schedule.name() + " was not posted: " + e.getMessage());
      }
    }
    return done;
  }

  private static Duration lag(ScheduleRun run) {
    Duration lag = Duration.between(run.slotAt(), run.startedAt());
    return lag.isNegative() ? Duration.ZERO : lag;
  }

  private static String bounded(String summary) {
    if (summary == null) {
      return null;
    }
    return summary.length() > 1900 ? summary.substring(0, 1900) + "…" : summary;
  }

  static String digest(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
