package dev.gitopscrew.mcp;

import dev.gitopscrew.effect.EffectKind;
import dev.gitopscrew.effect.Redactor;
import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.permission.Decision;
import dev.gitopscrew.permission.PermissionChain;
import dev.gitopscrew.roles.KnownAgent;
import java.util.Optional;

/**
 * Calls a tool of an MCP server for an agent in a place, under the same rules as the crew's own
 * tools: the permission chain first (a skill of the agent, allowed there, grants {@code mcp:server}
 * or {@code mcp:server/tool}); a tool is a read only when the server marks it read-only and the
 * configuration lists it under {@code reads}; every other call is a write, through {@link
 * SideEffects} (audited with server, tool and arguments, redacted; a dry run only says what would
 * be called), and waits for a person's yes when the server's {@code approval} is {@code writes}.
 */
public final class CallMcpTool {

  /** What became of a call. */
  public sealed interface Outcome {
    /** The server answered ({@code answer.error()} when the tool itself failed). */
    record Answered(ServerTool tool, boolean write, ToolAnswer answer) implements Outcome {}

    /** Nothing was called, and why: the chain, an unknown tool, a server that is down. */
    record Refused(String reason) implements Outcome {}

    /** A write in a dry run, or one waiting for a person's yes: what would be called. */
    record NotCalled(String what, String why) implements Outcome {}
  }

  private static final int SHOWN_ARGUMENTS = 300;

  private final McpServers servers;
  private final PermissionChain permissions;
  private final Redactor redactor;

  /**
   * @param redactor hides the crew's secrets in answers (a tool may echo its environment)
   */
  public CallMcpTool(McpServers servers, PermissionChain permissions, Redactor redactor) {
    this.servers = servers;
    this.permissions = permissions;
    this.redactor = redactor;
  }

  /**
   * @param approved a person said yes to this call up front ({@code crew mcp call --yes})
   */
  public Outcome call(
      KnownAgent agent,
      ChannelScope scope,
      SideEffects effects,
      String server,
      String tool,
      String argumentsJson,
      boolean approved) {
    Optional<McpServerSpec> spec = servers.spec(server);
    if (spec.isEmpty()) {
      return new Outcome.Refused(
          "no MCP server " + server + " is configured (mcpServers: " + servers.names() + ")");
    }
    Decision decision = permissions.checkMcp(agent, scope, server, tool);
    if (decision instanceof Decision.Refused refused) {
      return new Outcome.Refused(refused.missingLink());
    }
    Optional<ServerTool> offered = servers.tool(server, tool);
    if (offered.isEmpty()) {
      return notOffered(server, tool);
    }
    String args = argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson.strip();
    boolean read = offered.get().readOnlyHint() && spec.get().reads().contains(tool);
    try {
      if (read) {
        return new Outcome.Answered(
            offered.get(), false, redacted(servers.call(server, tool, args)));
      }
      // redacted before it is cut, so no part of a secret is left at the cut
      String target = offered.get().id() + " " + bounded(redactor.redact(args));
      if (effects.dryRun()) {
        effects.preview(EffectKind.MCP_CALL, target, "dry run: would call");
        return new Outcome.NotCalled(target, "a dry run calls no tool that writes");
      }
      if (spec.get().writesNeedApproval() && !approved) {
        return new Outcome.NotCalled(
            target, "a write of " + server + " waits for a person's yes (approval: writes)");
      }
      ToolAnswer answer =
          effects.perform(
              EffectKind.MCP_CALL,
              target,
              () -> servers.call(server, tool, args),
              a -> a.error() ? "the tool said it failed" : "answered");
      return new Outcome.Answered(offered.get(), true, redacted(answer));
    } catch (ToolServer.Unavailable e) {
      return new Outcome.Refused(redactor.redact(e.getMessage()));
    } catch (IllegalArgumentException e) {
      return new Outcome.Refused(redactor.redact(e.getMessage()));
    }
  }

  /** Why {@code server} has no tool {@code tool} now: it is down, or has no such tool. */
  private Outcome notOffered(String server, String tool) {
    McpServers.Status status =
        servers.status().stream().filter(s -> s.server().equals(server)).findFirst().orElseThrow();
    return new Outcome.Refused(
        status.state() == McpServers.State.DOWN
            ? server + " is down: " + redactor.redact(status.reason())
            : server
                + " offers no tool "
                + tool
                + " (its tools: "
                + String.join(", ", status.tools().stream().map(ServerTool::name).toList())
                + ")");
  }

  private ToolAnswer redacted(ToolAnswer answer) {
    return new ToolAnswer(redactor.redact(answer.text()), answer.error());
  }

  private static String bounded(String args) {
    return args.length() > SHOWN_ARGUMENTS ? args.substring(0, SHOWN_ARGUMENTS) + "…" : args;
  }
}
