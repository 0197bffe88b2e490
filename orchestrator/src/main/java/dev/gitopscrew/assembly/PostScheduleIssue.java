package dev.gitopscrew.assembly;

import dev.gitopscrew.effect.Actor;
import dev.gitopscrew.effect.AuditLog;
import dev.gitopscrew.effect.Redactor;
import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.git.ChangeType;
import dev.gitopscrew.git.change.Report;
import dev.gitopscrew.git.change.ReportOutcome;
import dev.gitopscrew.git.change.Reviews;
import dev.gitopscrew.intake.RunScheduledRequest;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.catalogue.Door;
import dev.gitopscrew.roles.catalogue.RequestCatalogue;
import dev.gitopscrew.schedule.Schedule;
import dev.gitopscrew.schedule.ScheduleRun;
import dev.gitopscrew.schedule.ScheduleTarget;
import java.time.Clock;

/**
 * A schedule's {@code issue:REPO}: one issue per schedule in that repository, its body the latest
 * posted result, kept current by the change workflow's report (found again by its key, so updated,
 * never duplicated) through the side-effects door of the run's session: audited, and previewed only
 * when the schedule's request is a dry run.
 */
final class PostScheduleIssue {

  private static final System.Logger LOG = System.getLogger(PostScheduleIssue.class.getName());

  private final Reviews changes;
  private final RequestCatalogue catalogue;
  private final AuditLog audit;
  private final Redactor redactor;
  private final Clock clock;

  PostScheduleIssue(
      Reviews changes, RequestCatalogue catalogue, AuditLog audit, Redactor redactor, Clock clock) {
    this.changes = changes;
    this.catalogue = catalogue;
    this.audit = audit;
    this.redactor = redactor;
    this.clock = clock;
  }

  ReportOutcome post(Schedule schedule, ScheduleTarget.Issue issue, ScheduleRun run) {
    long session = run.sessionId() == null ? 0 : run.sessionId();
    SideEffects effects =
        new SideEffects(
            new Actor(
                session,
                session,
                KnownAgent.HOMELAB_ADMIN.id(),
                RunScheduledRequest.CHANNEL,
                schedule.name()),
            dryRun(schedule),
            audit,
            redactor,
            clock);
    ReportOutcome outcome =
        changes.report(
            issue.repository(),
            new Report(
                KnownAgent.HOMELAB_ADMIN.id(),
                ScheduleTarget.Issue.key(schedule.name()),
                "Schedule " + schedule.name(),
                body(schedule, run),
                null,
                ChangeType.CHORE,
                null,
                null),
            effects);
    LOG.log(
        outcome.action() == ReportOutcome.Action.FAILED
            ? System.Logger.Level.WARNING
            : System.Logger.Level.INFO,
        "schedule {0}: {1}",
        schedule.name(),
        outcome.describe("issue in " + issue.repository()));
    return outcome;
  }

  private boolean dryRun(Schedule schedule) {
    try {
      return catalogue.parse(schedule.request(), Door.SCHEDULE, false).isDryRun();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The run's summary under a line saying which run it is (the session has the rest). */
  static String body(Schedule schedule, ScheduleRun run) {
    return "Schedule **"
        + schedule.name()
        + "** (`"
        + schedule.request()
        + "`, "
        + schedule.timing().describe()
        + "), run of "
        + run.slotAt()
        + ": **"
        + run.outcome()
        + "**"
        + (run.sessionId() == null
            ? ""
            : " — session #" + run.sessionId() + " (`crew sessions show " + run.sessionId() + "`)")
        + "\n\n"
        + (run.summary() == null || run.summary().isBlank() ? "(no summary)" : run.summary())
        + "\n";
  }
}
