package dev.gitopscrew.roles;

import dev.gitopscrew.effect.Actor;
import dev.gitopscrew.effect.AuditLog;
import dev.gitopscrew.effect.Redactor;
import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.request.BadRequestException;
import dev.gitopscrew.request.Request;
import dev.gitopscrew.roles.work.Assignment;
import dev.gitopscrew.roles.work.AwaitingApproval;
import dev.gitopscrew.roles.work.SessionResult;
import dev.gitopscrew.roles.work.SpawnOutcome;
import dev.gitopscrew.roles.work.Subagents;
import dev.gitopscrew.roles.work.Task;
import dev.gitopscrew.roles.work.Work;
import dev.gitopscrew.roles.work.Workforce;
import java.time.Clock;
import java.util.Optional;

/**
 * The agents at work, by depth: homelab-admin takes every request at depth 0 and hands it to its
 * owner (doing its own kinds itself), a role agent does the kinds it owns at depth 1, and leaf
 * workers do their part at depth 2. Each action gets a {@link SideEffects} door for its session.
 */
public final class AgentWorkforce implements Workforce {

  private final Routing routing;
  private final AuditLog audit;
  private final Redactor redactor;
  private final Clock clock;

  public AgentWorkforce(Routing routing, AuditLog audit, Redactor redactor, Clock clock) {
    this.routing = routing;
    this.audit = audit;
    this.redactor = redactor;
    this.clock = clock;
  }

  public Routing routing() {
    return routing;
  }

  @Override
  public Optional<Work> workFor(String agentId, int depth) {
    Optional<KnownAgent> agent = KnownAgent.byId(agentId);
    if (agent.isEmpty()) {
      return Optional.empty();
    }
    return switch (depth) {
      case 0 -> agent.get() == KnownAgent.HOMELAB_ADMIN ? Optional.of(this::orchestrate) : empty();
      case 1 -> Optional.of((a, s) -> own(agent.get(), a, s));
      default -> Optional.of(this::leaf);
    };
  }

  private static Optional<Work> empty() {
    return Optional.empty();
  }

  /**
   * homelab-admin: route the request to its owner, or do it when it owns it. A request that needs
   * an approval and has none first runs as a dry run, and the root then waits for the approval with
   * that result to show.
   */
  private String orchestrate(Assignment assignment, Subagents subagents) throws Exception {
    Request request = assignment.task().request();
    Routing.Route route = routing.route(request);
    Optional<String> approval = route.action().approvalNeededFor(request);
    if (approval.isPresent() && assignment.task().approvedBy() == null && !request.isDryRun()) {
      String preview =
          request.asDryRun().isEmpty()
              ? "would " + request.describe()
              : handOn(route, request.asDryRun().get(), assignment, subagents);
      throw new AwaitingApproval(approval.get(), preview);
    }
    return handOn(route, request, assignment, subagents);
  }

  private String handOn(
      Routing.Route route, Request request, Assignment assignment, Subagents subagents)
      throws Exception {
    KnownAgent owner = route.owner();
    if (owner == KnownAgent.HOMELAB_ADMIN) {
      return run(route.action(), request, assignment, subagents);
    }
    SpawnOutcome outcome = subagents.spawn(new Task(owner.id(), request));
    if (outcome instanceof SpawnOutcome.Refused refused) {
      throw new ActionFailedException(
          "cannot hand '" + request.describe() + "' to " + owner.id() + ": " + refused.reason());
    }
    long child = ((SpawnOutcome.Spawned) outcome).sessionId();
    SessionResult result = subagents.await(child);
    if (result instanceof SessionResult.Succeeded ok) {
      // the owner's data is the request's: the root hands it on to whoever asked
      subagents.dataOf(child).ifPresent(assignment.data());
      return owner.id() + ": " + ok.result();
    }
    throw new ActionFailedException(owner.id() + " " + result.describe());
  }

  private String own(KnownAgent agent, Assignment assignment, Subagents subagents)
      throws Exception {
    Request request = assignment.task().request();
    Routing.Route route = routing.route(request);
    if (route.owner() != agent) {
      throw new BadRequestException(
          agent.id()
              + " does not take "
              + request.getClass().getSimpleName()
              + " requests; they go to "
              + route.owner().id());
    }
    return run(route.action(), request, assignment, subagents);
  }

  private String leaf(Assignment assignment, Subagents subagents) throws Exception {
    Request request = assignment.task().request();
    Action<?> action =
        routing
            .leaf(request)
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "a leaf worker does parts of a task, not '" + request.describe() + "'"));
    return run(action, request, assignment, subagents);
  }

  private String run(Action<?> action, Request request, Assignment assignment, Subagents subagents)
      throws Exception {
    Actor actor =
        new Actor(
            assignment.rootId(),
            assignment.sessionId(),
            assignment.task().agent(),
            assignment.origin().channel(),
            assignment.origin().requester());
    SideEffects effects = new SideEffects(actor, request.isDryRun(), audit, redactor, clock);
    return action.runRouted(request, new ActionContext(assignment, subagents, effects));
  }
}
