package dev.gitopscrew.roles;

import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.roles.work.Assignment;
import dev.gitopscrew.roles.work.Subagents;

/** What an action works with: its session, the children it may spawn, and the door to the world. */
public record ActionContext(Assignment assignment, Subagents subagents, SideEffects effects) {

  public long sessionId() {
    return assignment.sessionId();
  }

  public KnownAgent agent() {
    return KnownAgent.byId(assignment.task().agent()).orElseThrow();
  }
}
