package dev.gitopscrew.roles.release;

import dev.gitopscrew.release.Releases;
import dev.gitopscrew.request.ReleasePlan;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.Tool;
import java.util.Optional;

/**
 * homelab-admin: the next release of a repository, computed without writing: version and why, the
 * pull requests counted and ignored, what blocks it, the steps a cut would take (also as data).
 */
public final class PlanRelease implements Action<ReleasePlan> {

  private final Releases releases;

  public PlanRelease(Releases releases) {
    this.releases = releases;
  }

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
    return ReleaseCalls.data(
            context, () -> releases.plan(request.repository(), request.milestone()))
        .describe();
  }
}
