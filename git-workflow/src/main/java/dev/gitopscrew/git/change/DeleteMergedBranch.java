package dev.gitopscrew.git.change;

import dev.gitopscrew.effect.EffectKind;
import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.forge.PullRequest;
import dev.gitopscrew.git.Mirror;
import dev.gitopscrew.git.RepositorySpec;

/** Step 6: deletes the pull request's branch, only once the forge says it was merged. */
final class DeleteMergedBranch implements MergedBranchCleanup {

  private final ChangeContext context;

  DeleteMergedBranch(ChangeContext context) {
    this.context = context;
  }

  @Override
  public BranchCleanup deleteBranchIfMerged(
      String repository, int pullRequest, SideEffects effects) {
    RepositorySpec spec = context.spec(repository);
    Forge forge = context.forge(spec);
    PullRequest pr = forge.pullRequest(pullRequest);
    if (pr.state() != PullRequest.State.MERGED) {
      return new BranchCleanup.Kept(
          pr.branch(), "pull request #" + pullRequest + " is " + pr.state());
    }
    Mirror mirror = context.mirror(spec, forge);
    effects.perform(
        EffectKind.GIT_BRANCH_DELETE,
        spec.name() + ":" + pr.branch(),
        () -> {
          mirror.deleteRemoteBranch(pr.branch());
          return pr.branch();
        },
        b -> "deleted " + b);
    return new BranchCleanup.Deleted(pr.branch());
  }
}
