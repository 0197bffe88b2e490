package dev.gitopscrew.assembly;

import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.intake.RunRequest;
import dev.gitopscrew.model.ToolCallDoor;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.request.Request;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.session.SessionEngine;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A step a model proposed that needs a person's approval: submitted as a request of its own, parked
 * for one after its dry run. The crew's request use case and engine are named by suppliers: the
 * model's planner is built before them.
 */
final class SubmitForApproval implements ToolCallDoor.Approvals {

  private final Supplier<RunRequest> runRequest;
  private final Supplier<SessionEngine> engine;

  SubmitForApproval(Supplier<RunRequest> runRequest, Supplier<SessionEngine> engine) {
    this.runRequest = runRequest;
    this.engine = engine;
  }

  @Override
  public ToolCallDoor.Submitted submit(Request request, ChannelScope scope, Origin origin)
      throws InterruptedException {
    RequestOutcome outcome = runRequest.get().run(request, Optional.empty(), scope, origin, false);
    if (!(outcome instanceof RequestOutcome.Ran ran)) {
      String why =
          outcome instanceof RequestOutcome.Refused r
              ? r.reason()
              : ((RequestOutcome.Invalid) outcome).reason();
      return new ToolCallDoor.Submitted(false, "refused", "not submitted: " + why);
    }
    // its dry run comes first; bounded, so a full slot table cannot hold the asking session
    engine.get().awaitResult(ran.rootId(), Duration.ofSeconds(60));
    var approval = engine.get().approvals().ofSession(ran.rootId());
    if (approval.isPresent()) {
      String id = approval.get().id();
      return new ToolCallDoor.Submitted(
          true,
          "awaiting_approval",
          "submitted as request #"
              + ran.rootId()
              + "; approval "
              + id
              + " waits for a person (crew approve "
              + id
              + "), nothing runs before that");
    }
    var record = engine.get().find(ran.rootId());
    String state = record.map(r -> r.state()).orElse("queued");
    return new ToolCallDoor.Submitted(
        false,
        state,
        "submitted as request #"
            + ran.rootId()
            + ", which is "
            + state
            + record.map(r -> r.detail() == null ? "" : ": " + r.detail()).orElse(""));
  }
}
