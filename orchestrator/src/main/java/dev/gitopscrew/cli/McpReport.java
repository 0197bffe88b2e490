package dev.gitopscrew.cli;

import dev.gitopscrew.config.McpServerEntry;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.skill.Skill;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * {@code config validate}'s look at {@code mcpServers}: each server, how it runs, and the skills
 * that grant its tools; a server no skill grants is noted (no agent may call it). Starts nothing.
 */
final class McpReport {

  private McpReport() {}

  static void print(CrewContext context, PrintWriter out) {
    Map<String, McpServerEntry> servers = context.loaded().config().mcpServers();
    if (servers.isEmpty()) {
      return;
    }
    out.println("MCP servers (docs/mcp.md):");
    servers.forEach(
        (name, entry) -> {
          List<String> granting = new java.util.ArrayList<>();
          for (Skill s : context.skills().all()) {
            List<String> tools =
                s.mcp().stream()
                    .filter(g -> g.equals(name) || g.startsWith(name + "/"))
                    .map(g -> g.equals(name) ? "every tool" : g.substring(name.length() + 1))
                    .toList();
            if (!tools.isEmpty()) {
              granting.add(s.name() + " (" + String.join(", ", tools) + ")");
            }
          }
          out.println(
              "  "
                  + name
                  + ": "
                  + (entry.command() != null
                      ? "stdio, " + entry.command()
                      : "streamable HTTP, " + entry.url())
                  + (entry.reads().isEmpty() ? "" : "; reads: " + String.join(", ", entry.reads()))
                  + ("writes".equals(entry.approval()) ? "; writes wait for an approval" : ""));
          if (granting.isEmpty()) {
            out.println(
                "    note: no skill grants its tools: add mcp:"
                    + name
                    + " (or mcp:"
                    + name
                    + "/TOOL) to a skill's metadata.crew.tools");
          } else {
            out.println("    granted by " + String.join(", ", granting));
          }
        });
  }
}
