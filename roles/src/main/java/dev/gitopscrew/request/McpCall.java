package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A write to a tool of the user's MCP server that waits for a person's approval (docs/mcp.md): made
 * by the model's door, never written by a person, so no door's words take it; its dry run says what
 * would be called.
 *
 * @param arguments the tool's arguments, a JSON object
 */
@JsonTypeName("mcp-call")
public record McpCall(String server, String tool, String arguments, boolean dryRun)
    implements Request, DryRunnable {

  public McpCall {
    Names.required("server", server);
    Names.required("tool", tool);
    arguments = arguments == null || arguments.isBlank() ? "{}" : arguments.strip();
    if (arguments.length() > 100_000) {
      throw new BadRequestException("the arguments of an MCP call are at most 100,000 characters");
    }
  }

  @Override
  public String describe() {
    String shown = arguments.length() > 200 ? arguments.substring(0, 200) + "…" : arguments;
    return "mcp " + server + "/" + tool + " " + shown + (dryRun ? " (dry run)" : "");
  }

  @Override
  public McpCall withDryRun() {
    return new McpCall(server, tool, arguments, true);
  }
}
