package dev.gitopscrew.gateway;

import dev.gitopscrew.mcp.McpServers;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code GET /api/mcp}: each configured MCP server as last seen (ready, down with the reason and
 * when it is tried again, not started), and the tools it offers now (docs/mcp.md).
 */
@Path("/api/mcp")
@Produces(MediaType.APPLICATION_JSON)
public class McpResource {

  @Inject McpServers servers;

  @GET
  public List<McpServers.Status> list() {
    return servers.statusNow();
  }
}
