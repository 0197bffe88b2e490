package dev.gitopscrew.roles.release;

import dev.gitopscrew.request.ReleaseCut;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.Tool;
import java.util.Optional;

/** homelab-admin: tags, releases and rolls the milestone over. */
public final class CutRelease implements Action<ReleaseCut> {

  @Override
  public Class<ReleaseCut> handles() {
    return ReleaseCut.class;
  }

  @Override
  public Optional<Tool> tool() {
    return Optional.of(Tool.RELEASE_CUT);
  }

  @Override
  public String run(ReleaseCut request, ActionContext context) {
    throw ActionFailedException.notAvailable("cutting a release");
  }
}
