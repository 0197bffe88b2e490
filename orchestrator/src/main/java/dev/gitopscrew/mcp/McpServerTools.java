package dev.gitopscrew.mcp;

import dev.gitopscrew.effect.Redactor;
import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.permission.PermissionChain;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.work.ServerTools;
import java.util.Optional;

/**
 * The MCP servers as an approved request calls them: through {@link CallMcpTool} with the session's
 * door, the person's yes given (the place's skills were checked when the call was proposed; the
 * agent's own grants are checked again here).
 */
public final class McpServerTools implements ServerTools {

  private static final ChannelScope APPROVED = ChannelScope.unrestricted("an approved request");

  private final McpServers servers;
  private final CallMcpTool calls;

  public McpServerTools(McpServers servers, PermissionChain permissions, Redactor redactor) {
    this.servers = servers;
    this.calls = new CallMcpTool(servers, permissions, redactor);
  }

  @Override
  public Optional<String> approvalNeeded(String server, String tool) {
    return servers
        .spec(server)
        .filter(McpServerSpec::writesNeedApproval)
        .filter(
            spec ->
                !(spec.reads().contains(tool)
                    && servers.tool(server, tool).map(ServerTool::readOnlyHint).orElse(false)))
        .map(
            spec ->
                "a write to the MCP server " + server + " waits for a person (approval: writes)");
  }

  @Override
  public String call(
      String agent, String server, String tool, String arguments, SideEffects effects) {
    KnownAgent caller = KnownAgent.byId(agent).orElseThrow(() -> new Refused("no agent " + agent));
    CallMcpTool.Outcome outcome =
        calls.call(caller, APPROVED, effects, server, tool, arguments, true);
    if (outcome instanceof CallMcpTool.Outcome.Answered answered) {
      if (answered.answer().error()) {
        throw new Refused(server + "/" + tool + " failed: " + answered.answer().text());
      }
      return "from the MCP server " + server + ":\n" + answered.answer().text();
    }
    if (outcome instanceof CallMcpTool.Outcome.NotCalled not) {
      return "dry run: would call " + not.what();
    }
    throw new Refused(((CallMcpTool.Outcome.Refused) outcome).reason());
  }
}
