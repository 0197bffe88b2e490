package dev.gitopscrew.session;

import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.permission.Decision;
import dev.gitopscrew.permission.PermissionChain;
import dev.gitopscrew.roles.BadRequestException;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.Request;
import dev.gitopscrew.roles.RequestRouter;
import dev.gitopscrew.roles.work.SpawnOutcome;
import dev.gitopscrew.roles.work.Task;
import java.time.Duration;
import java.util.Optional;

/**
 * Runs one request end to end: parse it, check the permission chain for the agent it goes to, start
 * it as a root session of homelab-admin, and (when asked to) wait for its tree to finish.
 */
public final class RunRequest {

  private final SessionEngine engine;
  private final PermissionChain permissions;
  private final Duration runTimeout;
  private final RequestRouter router = new RequestRouter();

  public RunRequest(SessionEngine engine, PermissionChain permissions, SessionLimits limits) {
    this.engine = engine;
    this.permissions = permissions;
    this.runTimeout = limits.runTimeout();
  }

  /**
   * @param agent the agent the caller expects to act ({@code --agent}); empty = the router's choice
   * @param wait whether to wait for the root's terminal result (bounded by its deadline)
   */
  public RequestOutcome run(String text, Optional<String> agent, ChannelScope scope, boolean wait)
      throws InterruptedException {
    Request request;
    try {
      request = router.parse(text);
    } catch (BadRequestException e) {
      return new RequestOutcome.Invalid(e.getMessage());
    }
    KnownAgent actor = request.agent();
    if (agent.isPresent()
        && !agent.get().equals(actor.id())
        && !agent.get().equals(KnownAgent.HOMELAB_ADMIN.id())) {
      return new RequestOutcome.Refused(
          request.kind().verb()
              + " is "
              + actor.id()
              + "'s work; --agent "
              + agent.get()
              + " cannot take it");
    }
    Decision decision = permissions.check(actor, scope, request.kind().tool());
    if (decision instanceof Decision.Refused refused) {
      return new RequestOutcome.Refused(refused.missingLink());
    }
    SpawnOutcome outcome = engine.submit(new Task(KnownAgent.HOMELAB_ADMIN.id(), request.text()));
    if (outcome instanceof SpawnOutcome.Refused refused) {
      return new RequestOutcome.Refused(refused.reason());
    }
    long root = ((SpawnOutcome.Spawned) outcome).sessionId();
    if (wait) {
      // the supervisor ends the root by its deadline; the margin only covers the store write
      engine.awaitResult(root, runTimeout.plusSeconds(5));
    }
    return new RequestOutcome.Ran(root, actor.id(), SessionView.of(engine.tree(root)));
  }
}
