package dev.gitopscrew.roles.release;

import dev.gitopscrew.request.ReleasePlan;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.Tool;
import java.util.Optional;

/** homelab-admin: the next release of a repository, computed without writing. */
public final class PlanRelease implements Action<ReleasePlan> {

  @Override
  public Class<ReleasePlan> handles() {
    return ReleasePlan.class;
  }

  @Override
  public Optional<Tool> tool() {
    return Optional.of(Tool.RELEASE_PLAN);
  }

  @Override
  public String run(ReleasePlan request, ActionContext context) {
    throw ActionFailedException.notAvailable("release planning");
  }
}
