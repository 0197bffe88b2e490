package dev.gitopscrew.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitopscrew.effect.Actor;
import dev.gitopscrew.effect.AuditLog;
import dev.gitopscrew.effect.Redactor;
import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.mcp.CallMcpTool;
import dev.gitopscrew.mcp.McpServers;
import dev.gitopscrew.mcp.ServerTool;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.permission.PermissionChain;
import dev.gitopscrew.request.McpCall;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.work.Assignment;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The tools of the user's MCP servers as model functions, beside the catalogue's (docs/mcp.md):
 * offered only where the permission chain lets the agent call them, named {@code mcp_SERVER_TOOL},
 * described as coming from that server; a call goes through {@link CallMcpTool} (a write audited in
 * the session, or waiting for a person), and its answer, bounded, is marked with the server it came
 * from.
 */
public final class McpFunctions {

  static final String PREFIX = "mcp_";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int NAME_CHARS = 64;

  private final McpServers servers;
  private final CallMcpTool calls;
  private final PermissionChain permissions;
  private final AuditLog audit;
  private final Redactor redactor;
  private final Clock clock;
  private final ToolCallDoor.Approvals approvals;

  /**
   * @param approvals submits a write that waits for a person as a request of its own
   */
  public McpFunctions(
      McpServers servers,
      PermissionChain permissions,
      AuditLog audit,
      Redactor redactor,
      Clock clock,
      ToolCallDoor.Approvals approvals) {
    this.servers = servers;
    this.calls = new CallMcpTool(servers, permissions, redactor);
    this.permissions = permissions;
    this.audit = audit;
    this.redactor = redactor;
    this.clock = clock;
    this.approvals = approvals;
  }

  public static boolean handles(String function) {
    return function != null && function.startsWith(PREFIX);
  }

  /** The server tools {@code agent} may call in {@code scope}, of the servers that are up. */
  public List<ToolSpec> offered(KnownAgent agent, ChannelScope scope) {
    List<ToolSpec> out = new ArrayList<>();
    for (java.util.Map.Entry<String, ServerTool> named : named(callable(agent, scope)).entrySet()) {
      ServerTool tool = named.getValue();
      ObjectNode parameters;
      try {
        parameters = (ObjectNode) JSON.readTree(tool.inputSchema());
      } catch (IOException | ClassCastException e) {
        parameters = JSON.createObjectNode().put("type", "object");
      }
      out.add(
          new ToolSpec(
              named.getKey(),
              "[from the MCP server "
                  + tool.server()
                  + (readOf(tool) ? ", read-only] " : ", writes] ")
                  + tool.description(),
              parameters));
    }
    return out;
  }

  /** Checks and runs one call; never throws for anything the model did. */
  public ToolCallDoor.Outcome call(
      ToolCall call, KnownAgent agent, ChannelScope scope, Assignment assignment)
      throws InterruptedException {
    Optional<ServerTool> tool = Optional.ofNullable(named(callable(agent, scope)).get(call.name()));
    if (tool.isEmpty()) {
      return ToolCallDoor.Outcome.refused(
          call,
          "'"
              + call.name()
              + "' is no MCP tool "
              + agent.id()
              + " may call in "
              + scope.label()
              + "; nothing was called");
    }
    SideEffects effects =
        new SideEffects(
            new Actor(
                assignment.rootId(),
                assignment.sessionId(),
                agent.id(),
                assignment.origin().channel(),
                assignment.origin().requester()),
            false,
            audit,
            redactor,
            clock);
    CallMcpTool.Outcome outcome =
        calls.call(
            agent, scope, effects, tool.get().server(), tool.get().name(), call.arguments(), false);
    String from = "from the MCP server " + tool.get().server();
    if (outcome instanceof CallMcpTool.Outcome.Answered answered) {
      return new ToolCallDoor.Outcome(
          call.name(),
          redactor.redact(call.arguments()),
          tool.get().id(),
          agent.id(),
          answered.answer().error() ? "failed" : "answered",
          from + ":\n" + answered.answer().text());
    }
    if (outcome instanceof CallMcpTool.Outcome.NotCalled not) {
      // a write that waits for a person: a request of its own, parked for their approval
      ToolCallDoor.Submitted submitted =
          approvals.submit(
              new McpCall(tool.get().server(), tool.get().name(), call.arguments(), false),
              scope,
              assignment.origin());
      return new ToolCallDoor.Outcome(
          call.name(),
          redactor.redact(call.arguments()),
          tool.get().id(),
          agent.id(),
          submitted.waiting() ? "awaiting_approval" : submitted.state(),
          not.why() + "; " + submitted.text());
    }
    return ToolCallDoor.Outcome.refused(
        call, ((CallMcpTool.Outcome.Refused) outcome).reason() + "; nothing was called");
  }

  /**
   * The tools {@code agent} may call in {@code scope}: only the servers its skills there grant are
   * looked at (and started when they are not running), so an ungranted server never starts.
   */
  private List<ServerTool> callable(KnownAgent agent, ChannelScope scope) {
    List<ServerTool> out = new ArrayList<>();
    for (String server : servers.names()) {
      if (!permissions.grantsAnyOf(agent, scope, server)) {
        continue;
      }
      for (ServerTool tool :
          servers.status(server).map(McpServers.Status::tools).orElse(List.of())) {
        if (permissions.checkMcp(agent, scope, tool.server(), tool.name()).allowed()) {
          out.add(tool);
        }
      }
    }
    return out;
  }

  private boolean readOf(ServerTool tool) {
    return tool.readOnlyHint()
        && servers.spec(tool.server()).map(s -> s.reads().contains(tool.name())).orElse(false);
  }

  /**
   * Each tool by its function name; two tools whose names meet once made safe for a function name
   * ({@code a}/{@code b_c} and {@code a_b}/{@code c}) each get a short digest of their own id, so a
   * call never reaches the other one.
   */
  static java.util.Map<String, ServerTool> named(List<ServerTool> tools) {
    java.util.Map<String, Long> counts =
        tools.stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    McpFunctions::name, java.util.stream.Collectors.counting()));
    java.util.Map<String, ServerTool> out = new java.util.LinkedHashMap<>();
    for (ServerTool tool : tools) {
      String name = name(tool);
      if (counts.get(name) > 1) {
        String digest = String.format("%08x", tool.id().hashCode());
        name = name.substring(0, Math.min(name.length(), NAME_CHARS - 9)) + "_" + digest;
      }
      out.put(name, tool);
    }
    return out;
  }

  /** {@code mcp_SERVER_TOOL}, in the characters and length function names may have. */
  static String name(ServerTool tool) {
    String name =
        (PREFIX + tool.server() + "_" + tool.name())
            .replaceAll("[^A-Za-z0-9_-]", "_")
            .toLowerCase(Locale.ROOT);
    return name.length() > NAME_CHARS ? name.substring(0, NAME_CHARS) : name;
  }
}
