package dev.gitopscrew.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitopscrew.effect.Redactor;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.permission.Decision;
import dev.gitopscrew.permission.PermissionChain;
import dev.gitopscrew.request.Request;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.Delegation;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.Routing;
import dev.gitopscrew.roles.Tool;
import dev.gitopscrew.roles.ask.Planner;
import dev.gitopscrew.roles.work.Assignment;
import dev.gitopscrew.roles.work.Origin;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where a model's tool call becomes work, or does not: the function must be one offered to the
 * agent, its arguments must make a valid typed request, the permission chain's one admission rule
 * ({@link PermissionChain#admit}: the answering agent narrowed by the channel, the owner holding
 * the tool, the hand-off allowed) must let it through, a step that needs a person's approval waits
 * for one as its own request, and the rest runs as a child session through the session limits.
 * Whatever happens is reported back to the model.
 */
public final class ToolCallDoor {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int REPORT_CHARS = 4000;

  /** Submits a request that needs an approval as a request of its own. */
  @FunctionalInterface
  public interface Approvals {
    Submitted submit(Request request, ChannelScope scope, Origin origin)
        throws InterruptedException;
  }

  /** What became of a submitted request: waiting for a person, or else its state; in words. */
  public record Submitted(boolean waiting, String state, String text) {}

  /** What became of one tool call. */
  public record Outcome(
      String function,
      String arguments,
      String request,
      String agent,
      String state,
      String detail) {

    static Outcome refused(dev.gitopscrew.model.ToolCall call, String why) {
      return new Outcome(call.name(), call.arguments(), null, null, "refused", why);
    }

    /** The text the model reads. */
    public String report() {
      String text =
          state
              + (request == null
                  ? ""
                  : " (" + request + (agent == null ? "" : " by " + agent) + ")")
              + ": "
              + detail;
      int max =
          RepositoryFunctions.handles(function) ? RepositoryFunctions.RESULT_CHARS : REPORT_CHARS;
      return text.length() > max ? text.substring(0, max) + "…" : text;
    }

    /** One line for the person who asked. */
    public String summary() {
      String first = detail == null ? "" : detail.lines().findFirst().orElse("");
      return function
          + (request == null ? "" : " → " + request)
          + (agent == null ? "" : " (" + agent + ")")
          + " "
          + state
          + (first.isBlank() ? "" : ": " + first);
    }
  }

  private final PermissionChain permissions;
  private final Supplier<Routing> routing;
  private final Approvals approvals;
  private final Redactor redactor;
  private final RepositoryFunctions reads;
  private final McpFunctions mcp;

  public ToolCallDoor(
      PermissionChain permissions,
      Supplier<Routing> routing,
      Approvals approvals,
      Redactor redactor) {
    this(permissions, routing, approvals, redactor, null, null);
  }

  /**
   * As above, with the read-only repository functions and the MCP servers' tools ({@code null}:
   * none).
   */
  public ToolCallDoor(
      PermissionChain permissions,
      Supplier<Routing> routing,
      Approvals approvals,
      Redactor redactor,
      RepositoryFunctions reads,
      McpFunctions mcp) {
    this.permissions = permissions;
    this.routing = routing;
    this.approvals = approvals;
    this.redactor = redactor;
    this.reads = reads;
    this.mcp = mcp;
  }

  /**
   * The functions beside the catalogue's offered to {@code agent} in {@code scope}: the read-only
   * repository functions, and the MCP servers' tools it may call there.
   */
  public List<ToolSpec> reads(KnownAgent agent, ChannelScope scope) {
    List<ToolSpec> out = new java.util.ArrayList<>();
    if (reads != null) {
      out.addAll(reads.offered(agent, scope));
    }
    if (mcp != null) {
      out.addAll(mcp.offered(agent, scope));
    }
    return out;
  }

  /**
   * The functions {@code agent} may call in {@code scope}: exactly those whose call would pass the
   * chain ({@link PermissionChain#admit}): the agent's own kinds when its skills in the place grant
   * the tool, another agent's when that agent holds the tool and {@code agent} may hand it the work
   * here.
   */
  public List<RequestTools.Function> offered(KnownAgent agent, ChannelScope scope) {
    var owners = routing.get().owners();
    return RequestTools.ALL.stream()
        .filter(
            f -> {
              KnownAgent owner = owners.get(f.kind());
              return owner != null && permissions.admit(agent, owner, scope, f.tool()).allowed();
            })
        .toList();
  }

  /** Checks and runs one tool call; never throws for anything the model did. */
  public Outcome call(
      dev.gitopscrew.model.ToolCall call,
      KnownAgent agent,
      ChannelScope scope,
      List<RequestTools.Function> offered,
      Assignment assignment,
      Planner.Delegate delegate)
      throws InterruptedException {
    if (reads != null && RepositoryFunctions.handles(call.name())) {
      return reads.call(call, agent, scope); // read-only, no request: checked again and run here
    }
    if (mcp != null && McpFunctions.handles(call.name())) {
      return mcp.call(call, agent, scope, assignment); // checked again by the chain, run here
    }
    Optional<RequestTools.Function> function =
        offered.stream().filter(f -> f.name().equals(call.name())).findFirst();
    if (function.isEmpty()) {
      // a request the catalogue knows but not offered here: the chain below refuses it in the
      // same words it refuses any door, naming the missing link
      function = RequestTools.named(call.name());
    }
    if (function.isEmpty()) {
      return Outcome.refused(
          call,
          "'"
              + call.name()
              + "' is not one of "
              + agent.id()
              + "'s tools in "
              + scope.label()
              + " ("
              + String.join(", ", offered.stream().map(RequestTools.Function::name).toList())
              + "); nothing was done");
    }
    Request request;
    try {
      JsonNode args =
          JSON.readTree(
              call.arguments() == null || call.arguments().isBlank() ? "{}" : call.arguments());
      request = function.get().request(args);
    } catch (IOException e) {
      return Outcome.refused(call, "the arguments are not JSON; nothing was done");
    } catch (RuntimeException e) {
      return Outcome.refused(
          call, redactor.redact(String.valueOf(e.getMessage())) + "; nothing was done");
    }
    Routing.Route route;
    try {
      route = routing.get().route(request);
    } catch (RuntimeException e) {
      return refused(call, request, null, e.getMessage());
    }
    KnownAgent owner = route.owner();
    Optional<Tool> tool = route.action().toolForRouted(request);
    Decision decision =
        tool.isPresent()
            ? permissions.admit(agent, owner, scope, tool.get())
            : permissions.handOff(agent, owner, scope);
    if (decision instanceof Decision.Refused refused) {
      return refused(call, request, owner, refused.missingLink());
    }
    Optional<String> approval = route.action().approvalNeededFor(request);
    if (approval.isPresent() && !request.isDryRun()) {
      Submitted submitted = approvals.submit(request, scope, assignment.origin());
      return outcome(
          call,
          request,
          owner,
          submitted.waiting() ? "awaiting_approval" : submitted.state(),
          approval.get() + "; " + submitted.text());
    }
    try {
      Delegation.Answer answer = delegate.hand(owner, request);
      return outcome(call, request, owner, answer.result().state(), answer.text());
    } catch (ActionFailedException e) {
      return refused(call, request, owner, e.getMessage());
    }
  }

  private Outcome refused(
      dev.gitopscrew.model.ToolCall call, Request request, KnownAgent owner, String why) {
    return outcome(call, request, owner, "refused", why + "; nothing was done");
  }

  private Outcome outcome(
      dev.gitopscrew.model.ToolCall call,
      Request request,
      KnownAgent owner,
      String state,
      String detail) {
    return new Outcome(
        call.name(),
        redactor.redact(call.arguments()),
        redactor.redact(request.describe()),
        owner == null ? null : owner.id(),
        state,
        redactor.redact(detail));
  }
}
