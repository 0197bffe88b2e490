package dev.gitopscrew.git.change;

import dev.gitopscrew.effect.EffectKind;
import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.forge.PullRequest;
import dev.gitopscrew.git.GitWorkflowException;
import dev.gitopscrew.git.Mirror;
import dev.gitopscrew.git.PushOutcome;
import dev.gitopscrew.git.RepositorySpec;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The freshness merge of an open crew pull request's branch, pushed without force; a closed pull
 * request, or a branch the crew did not make, is refused.
 */
final class RefreshPullRequestBranch implements BranchRefresh {

  private final ChangeContext context;

  RefreshPullRequestBranch(ChangeContext context) {
    this.context = context;
  }

  @Override
  public Refreshed refresh(String repository, int number, String agentId, SideEffects effects) {
    RepositorySpec spec = context.spec(repository);
    Forge forge = context.forge(spec);
    PullRequest pr = refreshable(forge.pullRequest(number), number);
    Mirror mirror = context.mirror(spec, forge);
    mirror.fetch();
    ObjectId before =
        mirror
            .remoteBranch(pr.branch())
            .orElseThrow(
                () ->
                    new GitWorkflowException(
                        "the branch " + pr.branch() + " is not in " + spec.name()));
    PushOutcome outcome =
        effects.perform(
            EffectKind.GIT_PUSH,
            spec.name() + ":" + pr.branch(),
            () -> mirror.pushFresh(pr.branch(), before, context.footprint().author(agentId)),
            o ->
                o instanceof PushOutcome.Pushed p
                    ? p.head().name()
                    : "conflict in " + ((PushOutcome.Conflicted) o).files());
    if (outcome instanceof PushOutcome.Conflicted c) {
      return new Refreshed(pr.branch(), null, false, c.files());
    }
    ObjectId head = ((PushOutcome.Pushed) outcome).head();
    return new Refreshed(pr.branch(), head.name(), !head.equals(before), List.of());
  }

  /** The pull request when it is open and on a crew branch. */
  private static PullRequest refreshable(PullRequest pr, int number) {
    if (pr.state() != PullRequest.State.OPEN) {
      throw new GitWorkflowException(
          "pull request #" + number + " is " + pr.state().name().toLowerCase(Locale.ROOT));
    }
    if (!pr.branch().matches("[a-z][a-z0-9-]*/(feat|fix|chore|docs|refactor|security)/.+")) {
      throw new GitWorkflowException(
          "the branch "
              + pr.branch()
              + " is not one the crew made; only crew branches are refreshed");
    }
    return pr;
  }
}
