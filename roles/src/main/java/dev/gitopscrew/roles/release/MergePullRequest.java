package dev.gitopscrew.roles.release;

import dev.gitopscrew.release.Releases;
import dev.gitopscrew.request.Merge;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.Tool;
import java.util.Optional;

/**
 * homelab-admin: the local forge's merge button, a merge commit by homelab-admin's identity on the
 * default branch, so that a change can be merged and released with no hosted forge.
 */
public final class MergePullRequest implements Action<Merge> {

  private final Releases releases;

  public MergePullRequest(Releases releases) {
    this.releases = releases;
  }

  @Override
  public Class<Merge> handles() {
    return Merge.class;
  }

  @Override
  public Optional<Tool> tool() {
    return Optional.of(Tool.FORGE_MERGE);
  }

  @Override
  public String run(Merge request, ActionContext context) {
    return ReleaseCalls.data(
            context,
            () -> releases.merge(request.repository(), request.pullRequest(), context.effects()))
        .describe();
  }
}
