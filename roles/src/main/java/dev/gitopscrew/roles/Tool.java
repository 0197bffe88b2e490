package dev.gitopscrew.roles;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every tool an agent can call. Skills grant tools (the {@code metadata.crew.tools} list of a
 * SKILL.md); an agent may call a tool only when one of its skills in scope grants it.
 */
public enum Tool {
  SESSIONS_SPAWN("sessions.spawn", "spawn a child session for another agent or a leaf worker"),
  SESSIONS_READ("sessions.read", "read sessions within the visibility setting"),
  GIT_CHANGE("git.change", "issue, branch, commit, push and pull request for a change"),
  GIT_ISSUE("git.issue", "create or adopt an issue and comment on it"),
  FORGE_READ("forge.read", "read repositories, issues and pull requests"),
  RELEASE_PLAN("release.plan", "compute the next release from a milestone without writing"),
  RELEASE_CUT("release.cut", "tag, release and roll the milestone (homelab-admin only)"),
  FORGE_MERGE("forge.merge", "merge a pull request on the local forge"),
  CLUSTER_READ("cluster.read", "get, list and watch cluster resources through the guard"),
  CLUSTER_RESTART("cluster.restart", "rollout restart of a deployment or statefulset"),
  CLUSTER_SCALE("cluster.scale", "scale a deployment or statefulset"),
  CLUSTER_DELETE_POD("cluster.delete-pod", "delete a stuck pod"),
  SECRET_FORCE_SYNC("secret.force-sync", "force-sync an ExternalSecret"),
  ARGOCD_REFRESH("argocd.refresh", "hard-refresh an Argo CD Application"),
  ARGOCD_CANCEL_SYNC("argocd.cancel-sync", "cancel a stuck Argo CD sync operation"),
  INCIDENT_TRIAGE("incident.triage", "triage an application: health, pods, events, logs, merges"),
  RUNBOOK_RUN("runbook.run", "run a declared incident runbook"),
  ROLLBACK_REVERT("rollback.revert", "roll back by opening a revert pull request"),
  SCAN_MANIFESTS("scan.manifests", "audit manifests and RBAC for security findings"),
  VALIDATE_CHANGE("validate.change", "pre-merge validation of a change"),
  VERIFY_DEPLOYMENT("verify.deployment", "post-merge and post-rollback verification");

  private final String id;
  private final String description;

  Tool(String id, String description) {
    this.id = id;
    this.description = description;
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  public static Optional<Tool> byId(String id) {
    return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
  }
}
