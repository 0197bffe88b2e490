package dev.gitopscrew.assembly;

import dev.gitopscrew.mcp.CallMcpTool;
import dev.gitopscrew.mcp.McpServerSpec;
import dev.gitopscrew.mcp.McpServers;
import dev.gitopscrew.mcp.sdk.SdkToolServer;
import dev.gitopscrew.settings.CrewContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The MCP servers of a crew (docs/mcp.md): each {@code mcpServers} entry the configuration loader
 * accepted, started through the SDK's client when first needed.
 */
public final class McpWiring {

  private McpWiring() {}

  public static McpServers servers(CrewContext context) {
    List<McpServerSpec> specs = new ArrayList<>();
    Map<String, String> unusable = new TreeMap<>();
    context
        .loaded()
        .config()
        .mcpServers()
        .forEach(
            (name, entry) -> {
              try {
                specs.add(McpServerSpec.of(name, entry, context.env()));
              } catch (McpServerSpec.Invalid e) {
                unusable.put(name, "mcpServers." + name + "." + e.key() + ": " + e.getMessage());
              }
            });
    return new McpServers(specs, unusable, SdkToolServer::start, Clock.systemUTC());
  }

  /** Submits a write that waits for a person as a request of its own, parked for an approval. */
  public static dev.gitopscrew.model.ToolCallDoor.Approvals approvals(Crew crew) {
    return new SubmitForApproval(crew::runRequest, crew::engine);
  }

  public static CallMcpTool calls(CrewContext context, McpServers servers) {
    return new CallMcpTool(
        servers,
        context.permissions(),
        dev.gitopscrew.settings.Secrets.redactor(context.loaded().config(), context.env()));
  }
}
