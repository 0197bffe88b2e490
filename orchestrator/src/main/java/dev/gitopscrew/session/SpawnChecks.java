package dev.gitopscrew.session;

import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.work.Task;
import dev.gitopscrew.roles.work.Workforce;
import java.util.Optional;

/** The checks a spawn passes before it takes a slot: agent, depth, allowAgents, agentToAgent. */
final class SpawnChecks {

  private final SessionLimits limits;
  private final SpawnPolicy policy;
  private final Workforce workforce;

  SpawnChecks(SessionLimits limits, SpawnPolicy policy, Workforce workforce) {
    this.limits = limits;
    this.policy = policy;
    this.workforce = workforce;
  }

  /** Why {@code parent} may not spawn {@code task} at {@code depth}, or empty when it may. */
  Optional<String> refusal(LiveSession parent, Task task, int depth) {
    if (workforce.workFor(task.agent(), depth).isEmpty()) {
      return Optional.of(
          KnownAgent.byId(task.agent()).isEmpty()
              ? "unknown agent '" + task.agent() + "'"
              : task.agent() + " does not work at depth " + depth);
    }
    if (parent == null) {
      return Optional.empty();
    }
    if (parent.isEnding()) {
      return Optional.of("session " + parent.id + " has already ended");
    }
    if (depth > limits.maxSpawnDepth()) {
      return Optional.of(
          "maxSpawnDepth "
              + limits.maxSpawnDepth()
              + " reached: "
              + parent.agent()
              + " at depth "
              + parent.depth()
              + " cannot spawn");
    }
    return policy.refusal(parent.agent(), task.agent());
  }
}
