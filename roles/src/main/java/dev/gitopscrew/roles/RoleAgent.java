package dev.gitopscrew.roles;

import java.util.List;

/**
 * A role agent as the crew knows it: the agent and the actions it owns. The tools its skills grant
 * are the permission chain's business; an action's {@link Action#tool()} must be among them.
 */
public record RoleAgent(KnownAgent agent, List<Action<?>> actions) {
  public RoleAgent {
    actions = List.copyOf(actions);
  }
}
