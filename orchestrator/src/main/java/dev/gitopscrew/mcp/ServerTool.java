package dev.gitopscrew.mcp;

/**
 * A tool an MCP server offers.
 *
 * @param inputSchema its arguments' JSON Schema, as the server sent it
 * @param readOnlyHint whether the server marks it read-only ({@code annotations.readOnlyHint})
 */
public record ServerTool(
    String server, String name, String description, String inputSchema, boolean readOnlyHint) {

  /** {@code server/tool}, as skills grant it after {@code mcp:}. */
  public String id() {
    return server + "/" + name;
  }
}
