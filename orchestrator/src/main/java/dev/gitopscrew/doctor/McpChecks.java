package dev.gitopscrew.doctor;

import dev.gitopscrew.mcp.McpServers;
import java.util.List;

/**
 * {@code crew doctor}'s look at the MCP servers: each started (a probe), with its tools, or BROKEN
 * with why it did not start or answer.
 */
public final class McpChecks {

  private McpChecks() {}

  public static List<IntegrationCheck> of(McpServers servers) {
    return servers.status().stream()
        .map(
            s -> {
              IntegrationCheck check =
                  IntegrationCheck.configured("mcp server " + s.server(), s.where());
              return s.state() == McpServers.State.READY
                  ? check.probed(true, s.tools().size() + " tools", "")
                  : check.probed(
                      false,
                      String.valueOf(s.reason()),
                      "check mcpServers."
                          + s.server()
                          + " and run the server by hand to see it start (docs/mcp.md)");
            })
        .toList();
  }
}
