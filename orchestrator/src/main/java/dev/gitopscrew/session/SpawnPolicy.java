package dev.gitopscrew.session;

import dev.gitopscrew.roles.KnownAgent;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Who may spawn whom: per-agent {@code agents.list[].subagents.allowAgents} ({@code "*"} = any; an
 * agent without a list may spawn only itself, except the orchestrator, which may spawn every known
 * agent) and {@code tools.agentToAgent}.
 */
public record SpawnPolicy(Map<String, Set<String>> allowAgents, AgentToAgent agentToAgent) {

  public static final String ANY = "*";

  /** {@code tools.agentToAgent.{enabled, allow}}: needed whenever an agent spawns another agent. */
  public record AgentToAgent(boolean enabled, Set<String> allow) {
    public AgentToAgent {
      allow = Set.copyOf(allow);
    }

    /** Enabled between the five known agents. */
    public static AgentToAgent defaults() {
      return new AgentToAgent(true, knownAgentIds());
    }

    boolean allows(String agent) {
      return allow.contains(ANY) || allow.contains(agent);
    }
  }

  public SpawnPolicy {
    allowAgents = Map.copyOf(allowAgents);
  }

  public static SpawnPolicy defaults() {
    return new SpawnPolicy(Map.of(), AgentToAgent.defaults());
  }

  /** The agents {@code agent} may spawn, from its list or the default. */
  public Set<String> allowedFor(String agent) {
    Set<String> listed = allowAgents.get(agent);
    if (listed != null) {
      return listed;
    }
    boolean orchestrator = KnownAgent.byId(agent).map(KnownAgent::isOrchestrator).orElse(false);
    return orchestrator ? knownAgentIds() : Set.of(agent);
  }

  /**
   * Why {@code parent} may not spawn {@code child}, or empty when it may. An agent may always spawn
   * leaf workers of its own id, as in OpenClaw: {@code allowAgents} names the other agents.
   */
  public Optional<String> refusal(String parent, String child) {
    if (parent.equals(child)) {
      return Optional.empty();
    }
    Set<String> allowed = allowedFor(parent);
    if (!allowed.contains(ANY) && !allowed.contains(child)) {
      return Optional.of(
          "subagents.allowAgents of "
              + parent
              + " does not include "
              + child
              + " "
              + new TreeSet<>(allowed));
    }
    if (!agentToAgent.enabled()) {
      return Optional.of("tools.agentToAgent is disabled: " + parent + " cannot spawn " + child);
    }
    for (String agent : new String[] {parent, child}) {
      if (!agentToAgent.allows(agent)) {
        return Optional.of(
            "tools.agentToAgent.allow does not include "
                + agent
                + ": "
                + parent
                + " cannot spawn "
                + child);
      }
    }
    return Optional.empty();
  }

  private static Set<String> knownAgentIds() {
    return Arrays.stream(KnownAgent.values()).map(KnownAgent::id).collect(Collectors.toSet());
  }
}
