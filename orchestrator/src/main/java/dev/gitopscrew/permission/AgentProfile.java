package dev.gitopscrew.permission;

import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.Tool;
import java.util.List;
import java.util.Set;

/**
 * What one known agent may do under the configuration: its skills (those that exist), the tools
 * they grant, and the agents it may spawn once {@code tools.agentToAgent} is applied.
 */
public record AgentProfile(
    KnownAgent agent,
    String displayName,
    List<String> skills,
    List<String> missingSkills,
    Set<Tool> tools,
    List<String> allowedSubagents) {

  public AgentProfile {
    skills = List.copyOf(skills);
    missingSkills = List.copyOf(missingSkills);
    tools = Set.copyOf(tools);
    allowedSubagents = List.copyOf(allowedSubagents);
  }
}
