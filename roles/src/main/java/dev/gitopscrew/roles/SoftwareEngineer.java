package dev.gitopscrew.roles;

import dev.gitopscrew.roles.work.Subagents;

/** Manifest and code changes, always through an issue, a branch and a pull request. */
public final class SoftwareEngineer implements RoleAgent {

  @Override
  public KnownAgent agent() {
    return KnownAgent.SOFTWARE_ENGINEER;
  }

  @Override
  public String handle(Request request, Subagents subagents) {
    return RoleAgent.planned(
        "issue, branch, commit and pull request on "
            + request.subject()
            + " for \""
            + request.option("description").orElseThrow()
            + "\"",
        "git workflow");
  }
}
