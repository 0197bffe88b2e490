package dev.gitopscrew.roles;

import dev.gitopscrew.roles.work.Subagents;

/** Runbooks and cluster operations: rollout restarts and scaling. */
public final class DevopsSre implements RoleAgent {

  @Override
  public KnownAgent agent() {
    return KnownAgent.DEVOPS_SRE;
  }

  @Override
  public String handle(Request request, Subagents subagents) {
    String where = request.subject() + " in namespace " + request.option("namespace").orElseThrow();
    return switch (request.kind()) {
      case RESTART -> RoleAgent.planned("rollout restart " + where, "cluster");
      case SCALE ->
          RoleAgent.planned(
              "scale " + where + " to " + request.option("replicas").orElseThrow() + " replicas",
              "cluster");
      default -> throw new IllegalStateException("not routed here: " + request.kind());
    };
  }
}
