package dev.gitopscrew.roles.mcp;

import dev.gitopscrew.request.McpCall;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.Tool;
import dev.gitopscrew.roles.work.ServerTools;
import java.util.Optional;

/**
 * homelab-admin: a write to a tool of the user's MCP server that a model proposed and a person
 * approves; its dry run, shown to the approver, says what would be called. The permission chain
 * decides inside the port, by the MCP grants of the agent's skills (no crew tool is needed).
 */
public final class CallServerTool implements Action<McpCall> {

  private final ServerTools servers;

  public CallServerTool(ServerTools servers) {
    this.servers = servers;
  }

  @Override
  public Class<McpCall> handles() {
    return McpCall.class;
  }

  @Override
  public Optional<Tool> tool() {
    return Optional.empty();
  }

  @Override
  public Optional<String> approvalNeeded(McpCall request) {
    return servers.approvalNeeded(request.server(), request.tool());
  }

  @Override
  public String run(McpCall request, ActionContext context) {
    try {
      return servers.call(
          context.agent().id(),
          request.server(),
          request.tool(),
          request.arguments(),
          context.effects());
    } catch (ServerTools.Refused e) {
      throw new ActionFailedException(e.getMessage());
    }
  }
}
