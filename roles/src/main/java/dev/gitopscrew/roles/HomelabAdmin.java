package dev.gitopscrew.roles;

import dev.gitopscrew.roles.work.Assignment;
import dev.gitopscrew.roles.work.SessionResult;
import dev.gitopscrew.roles.work.SpawnOutcome;
import dev.gitopscrew.roles.work.Subagents;
import dev.gitopscrew.roles.work.Task;

/**
 * The orchestrator: routes a request to the role agent that takes it (a child session at depth 1)
 * and reports that agent's result; releases it handles itself, being the only agent that may, and a
 * {@link Drill} it fans out to qa-testers.
 */
public final class HomelabAdmin implements RoleAgent {

  private final RequestRouter router = new RequestRouter();

  @Override
  public KnownAgent agent() {
    return KnownAgent.HOMELAB_ADMIN;
  }

  @Override
  public String perform(Assignment assignment, Subagents subagents) throws Exception {
    return handle(router.parse(assignment.task().instruction()), subagents);
  }

  @Override
  public String handle(Request request, Subagents subagents) throws InterruptedException {
    KnownAgent to = request.agent();
    if (request.kind() == Request.Kind.DRILL) {
      return Drill.fanout(request, subagents);
    }
    if (to == agent()) {
      return release(request);
    }
    SpawnOutcome outcome = subagents.spawn(new Task(to.id(), request.text()));
    if (outcome instanceof SpawnOutcome.Refused refused) {
      throw new IllegalStateException(
          "cannot hand " + request.kind().verb() + " to " + to.id() + ": " + refused.reason());
    }
    SessionResult result = subagents.await(((SpawnOutcome.Spawned) outcome).sessionId());
    if (result instanceof SessionResult.Succeeded ok) {
      return to.id() + ": " + ok.result();
    }
    throw new IllegalStateException(to.id() + " " + result.describe());
  }

  private static String release(Request request) {
    String milestone = request.option("milestone").map(m -> " milestone " + m).orElse("");
    return request.kind() == Request.Kind.RELEASE_PLAN
        ? RoleAgent.planned("release plan for " + request.subject() + milestone, "release")
        : RoleAgent.planned(
            "tag, release and roll over" + milestone + " of " + request.subject(), "release");
  }
}
