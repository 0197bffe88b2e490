package dev.gitopscrew.roles;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The five agents GitOps Crew knows: the homelab-admin orchestrator (depth 0) and the four role
 * agents. An agent id in the configuration that is not one of these is reported and ignored.
 */
public enum KnownAgent {
  HOMELAB_ADMIN(
      "homelab-admin",
      true,
      List.of("homelab-admin", "gitops", "incident-response", "secret-management")),
  DEVOPS_SRE(
      "devops-sre",
      false,
      List.of("devops-sre", "gitops", "incident-response", "secret-management")),
  SOFTWARE_ENGINEER("software-engineer", false, List.of("software-engineer", "gitops")),
  SECURITY_ANALYST(
      "security-analyst", false, List.of("security-analyst", "gitops", "secret-management")),
  QA_TESTER("qa-tester", false, List.of("qa-tester", "gitops", "incident-response"));

  private final String id;
  private final boolean orchestrator;
  private final List<String> defaultSkills;

  KnownAgent(String id, boolean orchestrator, List<String> defaultSkills) {
    this.id = id;
    this.orchestrator = orchestrator;
    this.defaultSkills = defaultSkills;
  }

  public String id() {
    return id;
  }

  /** Only the orchestrator creates tags, releases and milestones. */
  public boolean isOrchestrator() {
    return orchestrator;
  }

  /** Skills the agent has when the configuration gives it no {@code skills} list. */
  public List<String> defaultSkills() {
    return defaultSkills;
  }

  public static Optional<KnownAgent> byId(String id) {
    return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
  }
}
