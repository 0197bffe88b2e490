package dev.gitopscrew.git.change;

import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.forge.PullRequest;
import dev.gitopscrew.git.ChangedFiles;
import dev.gitopscrew.git.GitWorkflowException;
import dev.gitopscrew.git.Mirror;
import dev.gitopscrew.git.RepositorySpec;
import org.eclipse.jgit.lib.ObjectId;

/** What a change brings, for review: a pull request's branch, or the default branch's head. */
final class ReadChanges {

  private final ChangeContext context;

  ReadChanges(ChangeContext context) {
    this.context = context;
  }

  /** Pull request {@code number}'s branch against its base branch. */
  ChangedFiles pullRequest(String repository, int number) {
    RepositorySpec spec = context.spec(repository);
    Forge forge = context.forge(spec);
    PullRequest pr = forge.pullRequest(number);
    Mirror mirror = context.mirror(spec, forge);
    mirror.fetch();
    ObjectId head =
        mirror
            .remoteBranch(pr.branch())
            .orElseThrow(
                () ->
                    new GitWorkflowException(
                        "the branch "
                            + pr.branch()
                            + " of pull request #"
                            + number
                            + " is not in "
                            + spec.name()
                            + " (deleted, or in a fork)"));
    return mirror.changes(pr.baseBranch(), head, pr.branch());
  }

  /** The head of the default branch against {@code base} (null: its previous commit). */
  ChangedFiles defaultBranch(String repository, String base) {
    RepositorySpec spec = context.spec(repository);
    Mirror mirror = context.mirror(spec);
    return mirror.changes(base, mirror.fetch(), spec.defaultBranch());
  }
}
