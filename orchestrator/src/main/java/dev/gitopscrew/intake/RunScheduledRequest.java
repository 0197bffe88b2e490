package dev.gitopscrew.intake;

import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.roles.catalogue.Door;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.schedule.Schedule;
import dev.gitopscrew.schedule.ScheduleRequests;
import dev.gitopscrew.session.SessionView;
import java.util.Map;
import java.util.Optional;

/**
 * A schedule's request line through the use case every text door calls: read by the catalogue at
 * {@link Door#SCHEDULE}, admitted, run as a session of origin ({@code schedule}, its name) and
 * waited for.
 */
public final class RunScheduledRequest implements ScheduleRequests {

  public static final String CHANNEL = "schedule";

  private final RunRequest runRequest;

  public RunScheduledRequest(RunRequest runRequest) {
    this.runRequest = runRequest;
  }

  @Override
  public Ran run(Schedule schedule) throws InterruptedException {
    RequestOutcome outcome =
        runRequest.runText(
            schedule.request(),
            Door.SCHEDULE,
            Map.of(),
            null,
            Optional.empty(),
            ChannelScope.unrestricted("the schedule " + schedule.name()),
            new Origin(CHANNEL, schedule.name()),
            true,
            false);
    if (outcome instanceof RequestOutcome.Ran ran) {
      SessionView root = ran.root();
      return new Ran(
          ran.rootId(),
          root.state(),
          root.detail(),
          root.state() + "\n" + root.detail() + "\n" + root.data());
    }
    String reason =
        outcome instanceof RequestOutcome.Refused refused
            ? refused.reason()
            : ((RequestOutcome.Invalid) outcome).reason();
    return new Ran(
        null, outcome instanceof RequestOutcome.Refused ? "refused" : "invalid", reason, reason);
  }
}
