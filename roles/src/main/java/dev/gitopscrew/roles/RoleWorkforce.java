package dev.gitopscrew.roles;

import dev.gitopscrew.roles.work.Work;
import dev.gitopscrew.roles.work.Workforce;
import java.util.Map;
import java.util.Optional;

/**
 * The five agents by depth: homelab-admin takes requests at depth 0, the role agents work at depth
 * 1, and any known agent's leaf workers at depth 2.
 */
public final class RoleWorkforce implements Workforce {

  private final Map<KnownAgent, RoleAgent> roles =
      Map.of(
          KnownAgent.DEVOPS_SRE, new DevopsSre(),
          KnownAgent.SOFTWARE_ENGINEER, new SoftwareEngineer(),
          KnownAgent.SECURITY_ANALYST, new SecurityAnalyst(),
          KnownAgent.QA_TESTER, new QaTester());
  private final HomelabAdmin admin = new HomelabAdmin();
  private final LeafWorker leaf = new LeafWorker();

  @Override
  public Optional<Work> workFor(String agentId, int depth) {
    Optional<KnownAgent> agent = KnownAgent.byId(agentId);
    if (agent.isEmpty()) {
      return Optional.empty();
    }
    return switch (depth) {
      case 0 -> agent.get() == KnownAgent.HOMELAB_ADMIN ? Optional.of(admin) : Optional.empty();
      case 1 -> Optional.ofNullable(roles.get(agent.get()));
      default -> Optional.of(leaf);
    };
  }
}
