package dev.gitopscrew.skill;

import dev.gitopscrew.roles.Tool;
import java.util.Set;

/**
 * A skill: a named instruction text for a model, and the tools it grants (exactly the {@code
 * metadata.crew.tools} list of its SKILL.md front matter; {@code declaresTools} says whether it has
 * that list at all).
 *
 * @param mcp the MCP servers' tools it grants: {@code server} (every tool of it) or {@code
 *     server/tool}, written {@code mcp:server} and {@code mcp:server/tool} in the list
 */
public record Skill(
    String name,
    String description,
    String source,
    Set<Tool> tools,
    Set<String> mcp,
    boolean declaresTools,
    String body) {
  public Skill {
    tools = Set.copyOf(tools);
    mcp = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(mcp));
  }

  /** This skill's text and description with another skill's tool grant. */
  public Skill withToolsOf(Skill granting) {
    return new Skill(name, description, source, granting.tools(), granting.mcp(), true, body);
  }

  /** Whether it grants the tool {@code tool} of the MCP server {@code server}. */
  public boolean grantsMcp(String server, String tool) {
    return mcp.contains(server) || mcp.contains(server + "/" + tool);
  }
}
