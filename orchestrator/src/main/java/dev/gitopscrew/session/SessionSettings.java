package dev.gitopscrew.session;

import dev.gitopscrew.config.CrewConfig;
import dev.gitopscrew.config.CrewConfig.AgentEntry;
import dev.gitopscrew.config.CrewConfig.SubagentDefaults;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The session engine's limits and spawn policy, read from the configuration's OpenClaw keys. */
public final class SessionSettings {

  private SessionSettings() {}

  /** {@code agents.defaults.subagents.*}. */
  public static SessionLimits limits(CrewConfig config) {
    SubagentDefaults d = config.agents().defaults().subagents();
    return new SessionLimits(
        d.maxSpawnDepthOrDefault(),
        d.maxConcurrentOrDefault(),
        d.maxChildrenPerAgentOrDefault(),
        d.archiveAfterMinutesOrDefault(),
        Duration.ofSeconds(d.runTimeoutSecondsOrDefault()));
  }

  /**
   * {@code agents.list[].subagents.allowAgents} (and the entries form) with {@code
   * tools.agentToAgent}.
   */
  public static SpawnPolicy policy(CrewConfig config) {
    Map<String, Set<String>> allow = new HashMap<>();
    for (AgentEntry e : config.agents().list()) {
      put(allow, e.id(), e);
    }
    config.agents().entries().forEach((id, e) -> put(allow, id, e));
    var a2a = config.tools().agentToAgent();
    SpawnPolicy.AgentToAgent agentToAgent =
        a2a.allow() == null
            ? new SpawnPolicy.AgentToAgent(
                a2a.isEnabled(), SpawnPolicy.AgentToAgent.defaults().allow())
            : new SpawnPolicy.AgentToAgent(a2a.isEnabled(), Set.copyOf(a2a.allow()));
    return new SpawnPolicy(allow, agentToAgent);
  }

  private static void put(Map<String, Set<String>> allow, String id, AgentEntry e) {
    if (id != null && e.subagents() != null && e.subagents().allowAgents() != null) {
      allow.putIfAbsent(id, Set.copyOf(e.subagents().allowAgents()));
    }
  }
}
