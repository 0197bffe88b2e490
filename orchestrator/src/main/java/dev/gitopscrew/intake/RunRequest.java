package dev.gitopscrew.intake;

import dev.gitopscrew.effect.Redactor;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.permission.Decision;
import dev.gitopscrew.permission.PermissionChain;
import dev.gitopscrew.request.Ask;
import dev.gitopscrew.request.BadRequestException;
import dev.gitopscrew.request.Request;
import dev.gitopscrew.request.RequestJson;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.Routing;
import dev.gitopscrew.roles.Tool;
import dev.gitopscrew.roles.catalogue.Door;
import dev.gitopscrew.roles.catalogue.Field;
import dev.gitopscrew.roles.catalogue.RequestCatalogue;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.roles.work.SpawnOutcome;
import dev.gitopscrew.roles.work.Task;
import dev.gitopscrew.session.SessionEngine;
import dev.gitopscrew.session.SessionLimits;
import dev.gitopscrew.session.SessionView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The door every channel hands its requests to: the permission chain's admission rule ({@link
 * PermissionChain#admit}: the answering agent narrowed by the channel scope, the owner holding the
 * action's tool, the hand-off allowed), then a root session of homelab-admin, and (when asked) the
 * wait for its tree to finish.
 */
public final class RunRequest {

  private final SessionEngine engine;
  private final Routing routing;
  private final PermissionChain permissions;
  private final Duration runTimeout;
  private final java.util.function.Function<KnownAgent, Optional<String>> noFreeText;
  private final Redactor redactor;
  private final LocalDirectories directories;
  private final RequestCatalogue catalogue;

  /**
   * @param freeText whether free text may become an {@code Ask} (a model is configured)
   * @param redactor keeps a known secret that someone typed into a request out of the sessions
   *     stored and shown, whichever door it came through
   */
  public RunRequest(
      SessionEngine engine,
      Routing routing,
      PermissionChain permissions,
      SessionLimits limits,
      boolean freeText,
      Redactor redactor,
      LocalDirectories directories) {
    this(
        engine,
        routing,
        permissions,
        limits,
        freeText,
        redactor,
        directories,
        RequestCatalogue.standard());
  }

  /**
   * @param catalogue the kinds of request the doors offer
   */
  public RunRequest(
      SessionEngine engine,
      Routing routing,
      PermissionChain permissions,
      SessionLimits limits,
      boolean freeText,
      Redactor redactor,
      LocalDirectories directories,
      RequestCatalogue catalogue) {
    this(
        engine,
        routing,
        permissions,
        limits,
        agent -> freeText ? Optional.empty() : Optional.of("configure a model (docs/models.md)"),
        redactor,
        directories,
        catalogue);
  }

  /**
   * @param noFreeText why free text the given agent answers cannot be planned (no model for it, no
   *     provider, a provider's key not set), or empty when a model can plan it
   */
  public RunRequest(
      SessionEngine engine,
      Routing routing,
      PermissionChain permissions,
      SessionLimits limits,
      java.util.function.Function<KnownAgent, Optional<String>> noFreeText,
      Redactor redactor,
      LocalDirectories directories,
      RequestCatalogue catalogue) {
    this.catalogue = catalogue;
    this.redactor = redactor;
    this.directories = directories;
    this.engine = engine;
    this.routing = routing;
    this.permissions = permissions;
    this.runTimeout = limits.runTimeout();
    this.noFreeText = noFreeText;
  }

  /** Parses text as it comes from {@code crew ask} or chat; the typed request does the rest. */
  public RequestOutcome runText(
      String text, Optional<String> agent, ChannelScope scope, Origin origin, boolean wait)
      throws InterruptedException {
    return runText(text, agent, scope, origin, wait, false);
  }

  public RequestOutcome runText(
      String text,
      Optional<String> agent,
      ChannelScope scope,
      Origin origin,
      boolean wait,
      boolean approvedUpFront)
      throws InterruptedException {
    return runText(text, Door.ASK, Map.of(), null, agent, scope, origin, wait, approvedUpFront);
  }

  /** The permission chain every door admits its requests through. */
  public PermissionChain permissions() {
    return permissions;
  }

  /** The request catalogue every door reads its requests through. */
  public RequestCatalogue catalogue() {
    return catalogue;
  }

  /**
   * A line of words from a text door, read by the request catalogue; {@code place} is what the
   * door's place supplies (a pull request's repository and number), {@code conversation} the
   * conversation free text continues ({@code discord:<channel>}; null: the requester's own).
   */
  public RequestOutcome runText(
      String text,
      Door door,
      Map<Field.Context, Object> place,
      String conversation,
      Optional<String> agent,
      ChannelScope scope,
      Origin origin,
      boolean wait,
      boolean approvedUpFront)
      throws InterruptedException {
    Request request;
    try {
      KnownAgent asked = agent.flatMap(KnownAgent::byId).orElse(KnownAgent.HOMELAB_ADMIN);
      request =
          catalogue.parse(redactor.redact(text), door, place, noFreeText.apply(asked).orElse(null));
    } catch (BadRequestException e) {
      return new RequestOutcome.Invalid(e.getMessage());
    }
    if (request instanceof Ask ask && conversation != null && ask.place() == null) {
      request = ask.at(conversation);
    }
    return run(request, agent, scope, origin, wait, approvedUpFront);
  }

  public RequestOutcome run(
      Request request, Optional<String> agent, ChannelScope scope, Origin origin, boolean wait)
      throws InterruptedException {
    return run(request, agent, scope, origin, wait, false);
  }

  /**
   * @param agent the agent the caller expects to act ({@code --agent}); empty = the owner
   * @param wait whether to wait for the root's terminal result (bounded by its deadline)
   * @param approvedUpFront the requester approves a step that needs approval now ({@code --yes})
   */
  public RequestOutcome run(
      Request request,
      Optional<String> agent,
      ChannelScope scope,
      Origin origin,
      boolean wait,
      boolean approvedUpFront)
      throws InterruptedException {
    request = redacted(request);
    origin = new Origin(origin.channel(), redactor.redact(origin.requester()));
    if (!origin.channel().equals(Origin.COMMAND_LINE)) {
      Optional<String> outside = directories.refusal(request);
      if (outside.isPresent()) {
        return new RequestOutcome.Refused(outside.get());
      }
    }
    if (request instanceof Ask ask) {
      // free text is planned by the agent asked for, within the place it came from
      request =
          ask.from(
              agent.orElse(KnownAgent.HOMELAB_ADMIN.id()),
              scope.label(),
              scope.skills().orElse(null),
              scope.systemPrompt().orElse(null),
              scope.narrowsDelegates());
    }
    Routing.Route route;
    try {
      route = routing.route(request);
    } catch (BadRequestException e) {
      return new RequestOutcome.Invalid(e.getMessage());
    }
    KnownAgent owner = route.owner();
    if (agent.isPresent() && KnownAgent.byId(agent.get()).isEmpty()) {
      return new RequestOutcome.Refused(
          "unknown agent '"
              + agent.get()
              + "'; one of "
              + java.util.Arrays.stream(KnownAgent.values()).map(KnownAgent::id).toList());
    }
    if (agent.isPresent()
        && !(request instanceof Ask)
        && !agent.get().equals(owner.id())
        && !agent.get().equals(KnownAgent.HOMELAB_ADMIN.id())) {
      return new RequestOutcome.Refused(
          "'"
              + request.describe()
              + "' is "
              + owner.id()
              + "'s work; --agent "
              + agent.get()
              + " cannot take it");
    }
    Optional<Tool> tool = route.action().toolForRouted(request);
    if (tool.isPresent()) {
      // the agent that answers here (homelab-admin, or the one asked for) is narrowed by the
      // place; work it hands to the owner is admitted by the same rule a model's call is
      KnownAgent answering = agent.flatMap(KnownAgent::byId).orElse(KnownAgent.HOMELAB_ADMIN);
      Decision decision = permissions.admit(answering, owner, scope, tool.get());
      if (decision instanceof Decision.Refused refused) {
        return new RequestOutcome.Refused(refused.missingLink());
      }
    }
    Task task = new Task(KnownAgent.HOMELAB_ADMIN.id(), request);
    if (approvedUpFront) {
      task = task.approvedBy(origin.requester() + " (approved up front)");
    }
    SpawnOutcome outcome = engine.submit(task, origin);
    if (outcome instanceof SpawnOutcome.Refused refused) {
      return new RequestOutcome.Refused(refused.reason());
    }
    long root = ((SpawnOutcome.Spawned) outcome).sessionId();
    if (wait) {
      // the supervisor ends the root by its deadline; the margin only covers the store write
      engine.awaitResult(root, runTimeout.plusSeconds(5));
    }
    return new RequestOutcome.Ran(root, owner.id(), SessionView.of(engine.tree(root)));
  }

  /** The request with every known secret in its fields replaced; the same request when none. */
  private Request redacted(Request request) {
    String json = RequestJson.write(request);
    String clean = redactor.redact(json);
    return clean.equals(json) ? request : RequestJson.read(clean);
  }

  /** Waits until request {@code rootId} ends or parks for an approval (bounded by its deadline). */
  public void awaitSettled(long rootId) throws InterruptedException {
    engine.awaitResult(rootId, runTimeout.plusSeconds(5));
  }

  /**
   * A person's decision on a parked request; approving waits (when asked) for the request to
   * finish, as running it would.
   */
  private volatile java.util.function.BiConsumer<Long, String> whenDenied = (root, why) -> {};

  /**
   * Called with a request's root and the words of its denial whenever a person denies it, at any
   * door (an incident notes it on its timeline).
   */
  public void onDenied(java.util.function.BiConsumer<Long, String> listener) {
    this.whenDenied = listener;
  }

  public RequestOutcome decide(
      String approvalId, boolean approve, String by, String reason, boolean wait)
      throws InterruptedException {
    by = redactor.redact(by);
    reason = redactor.redact(reason);
    SessionEngine.Decision decision =
        approve ? engine.approve(approvalId, by) : engine.deny(approvalId, by, reason);
    if (decision instanceof SessionEngine.Decision.Unchanged unchanged) {
      return new RequestOutcome.Refused(unchanged.reason());
    }
    if (decision instanceof SessionEngine.Decision.Denied denied) {
      whenDenied.accept(
          denied.sessionId(),
          "denied by " + by + (reason == null || reason.isBlank() ? "" : ": " + reason));
    }
    long root =
        decision instanceof SessionEngine.Decision.Resumed r
            ? r.sessionId()
            : ((SessionEngine.Decision.Denied) decision).sessionId();
    if (wait && approve) {
      engine.awaitResult(root, runTimeout.plusSeconds(5));
    }
    List<SessionView> tree = SessionView.of(engine.tree(root));
    String owner = tree.size() > 1 ? tree.get(tree.size() - 1).agent() : tree.get(0).agent();
    return new RequestOutcome.Ran(root, owner, tree);
  }
}
