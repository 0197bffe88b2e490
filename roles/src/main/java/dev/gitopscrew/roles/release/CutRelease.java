package dev.gitopscrew.roles.release;

import dev.gitopscrew.release.Releases;
import dev.gitopscrew.request.ReleaseCut;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.Tool;
import java.util.Optional;

/**
 * homelab-admin: tags the default branch, publishes the release and rolls the milestone over, after
 * a person approves; its dry run is the plan. A cut that stopped is finished by running it again.
 */
public final class CutRelease implements Action<ReleaseCut> {

  private final Releases releases;

  public CutRelease(Releases releases) {
    this.releases = releases;
  }

  @Override
  public Class<ReleaseCut> handles() {
    return ReleaseCut.class;
  }

  @Override
  public Optional<Tool> tool() {
    return Optional.of(Tool.RELEASE_CUT);
  }

  @Override
  public Optional<String> approvalNeeded(ReleaseCut request) {
    return Optional.of(
        "a release cut tags the default branch of "
            + request.repository()
            + ", publishes the release and closes its milestone");
  }

  @Override
  public String run(ReleaseCut request, ActionContext context) {
    return ReleaseCalls.data(
            context,
            () -> releases.cut(request.repository(), request.milestone(), context.effects()))
        .describe();
  }
}
